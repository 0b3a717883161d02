package dev.termvault.app.desktop.terminal;

import atlantafx.base.theme.Styles;
import dev.termvault.app.desktop.terminal.TerminalSessionViewModel.Phase;
import dev.termvault.app.ssh.Shell;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One terminal tab: the host label and state in the tab header; while connecting, progress and a Cancel
 * button; when connected, the terminal; after a failure or the end of the session, the message and a
 * Reconnect button (the last screen stays visible behind it).
 */
public final class TerminalTab {

    private final TerminalSessionViewModel session;
    private final TerminalSettings settings;
    private final Tab tab = new Tab();
    private final StackPane body = new StackPane();
    private final VBox overlay = new VBox(14);
    private final Label message = new Label();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Button cancel = new Button("Cancel", new FontIcon(Material2AL.CLOSE));
    private final Button reconnect = new Button("Reconnect", new FontIcon(Material2MZ.REFRESH));
    private final FontIcon stateIcon = new FontIcon(Material2AL.LINK);
    private TerminalWidget widget;

    public TerminalTab(TerminalSessionViewModel session, TerminalSettings settings) {
        this.session = session;
        this.settings = settings;
        tab.setUserData(this);
        tab.textProperty().bind(session.titleProperty());
        tab.setGraphic(stateIcon);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(session.messageProperty());
        tab.setTooltip(tip);
        tab.setOnClosed(e -> dispose());

        message.setId("terminalMessage");
        message.setWrapText(true);
        message.setMaxWidth(460);
        message.textProperty().bind(session.messageProperty());
        progress.setPrefSize(36, 36);
        cancel.setId("cancelConnect");
        cancel.setOnAction(e -> session.cancel());
        reconnect.setId("reconnect");
        reconnect.getStyleClass().add(Styles.ACCENT);
        reconnect.setOnAction(e -> session.reconnect());
        overlay.setId("terminalOverlay");
        overlay.setAlignment(Pos.CENTER);
        overlay.setPadding(new Insets(24));
        overlay.setMaxSize(520, Region.USE_PREF_SIZE);
        overlay.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 8;"
                + " -fx-border-color: -color-border-default; -fx-border-radius: 8;");
        body.setStyle("-fx-background-color: #1e222a;");
        body.getChildren().add(overlay);
        tab.setContent(body);

        session.phaseProperty().addListener((obs, old, now) -> show(now));
        show(session.phaseProperty().get());
    }

    public Tab tab() {
        return tab;
    }

    public TerminalSessionViewModel session() {
        return session;
    }

    /** The terminal of the current (or last) connection, if one was opened. */
    public TerminalWidget widget() {
        return widget;
    }

    /** Puts the keyboard focus in the terminal. */
    public void focus() {
        if (widget != null) {
            widget.getTerminalPanel().getCanvas().requestFocus();
        }
    }

    /** Re-reads the shared font size (after a zoom). */
    public void applyFont() {
        if (widget != null) {
            widget.applyFont();
        }
    }

    /** Disconnects and frees the terminal. */
    public void dispose() {
        session.close();
        if (widget != null) {
            widget.close();
            widget = null;
        }
    }

    private void show(Phase phase) {
        switch (phase) {
            case CONNECTING -> {
                stateIcon.setIconCode(Material2MZ.SYNC);
                overlayWith(progress, message, cancel);
            }
            case CONNECTED -> {
                stateIcon.setIconCode(Material2AL.LINK);
                attach(session.shell());
            }
            case FAILED -> {
                stateIcon.setIconCode(Material2AL.ERROR_OUTLINE);
                if (!message.getStyleClass().contains(Styles.DANGER)) {
                    message.getStyleClass().add(Styles.DANGER);
                }
                overlayWith(icon(Material2AL.ERROR_OUTLINE, DialogSshPrompt.DANGER), message, reconnect);
            }
            case CANCELLED, CLOSED -> {
                stateIcon.setIconCode(Material2AL.LINK_OFF);
                overlayWith(icon(Material2AL.LINK_OFF, "#6e7781"), message, reconnect);
            }
        }
        if (phase != Phase.FAILED) {
            message.getStyleClass().removeAll(Styles.DANGER);
        }
    }

    private void overlayWith(Node... children) {
        overlay.getChildren().setAll(children);
        overlay.setVisible(true);
        overlay.toFront();
        if (children[children.length - 1] instanceof Button button) {
            button.requestFocus();
        }
    }

    private void attach(Shell shell) {
        if (shell == null) {
            return;
        }
        if (widget != null) {
            body.getChildren().remove(widget.getPane());
            widget.close();
        }
        widget = new TerminalWidget(settings);
        widget.getPane().setId("terminal");
        body.getChildren().add(0, widget.getPane());
        widget.setTtyConnector(new ShellTtyConnector(shell, session.host().label(), session::resize));
        widget.start();
        overlay.setVisible(false);
        focus();
    }

    private static Node icon(org.kordamp.ikonli.Ikon code, String color) {
        FontIcon icon = new FontIcon(code);
        icon.setStyle(icon.getStyle() + "; -fx-icon-size: 32px; -fx-icon-color: " + color + ";");
        return icon;
    }
}
