package dev.termvault.app.desktop.terminal;

import dev.termvault.app.core.connect.Connections;
import dev.termvault.app.ssh.SshConnector;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Host;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The main window's centre: a fixed first tab showing the section picked in the sidebar, then one tab per
 * terminal. Shortcuts (also while the terminal has the keyboard): Ctrl+W closes the terminal tab,
 * Ctrl+Tab / Ctrl+Shift+Tab and Ctrl+PageDown / Ctrl+PageUp move between tabs, Ctrl+= / Ctrl+- / Ctrl+0 zoom.
 */
public final class TerminalTabs {

    private static final KeyCombination CLOSE = shortcut(KeyCode.W);
    private static final KeyCombination NEXT = shortcut(KeyCode.TAB);
    private static final KeyCombination PREVIOUS = new KeyCodeCombination(KeyCode.TAB,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination NEXT_PAGE = shortcut(KeyCode.PAGE_DOWN);
    private static final KeyCombination PREVIOUS_PAGE = shortcut(KeyCode.PAGE_UP);
    private static final List<KeyCombination> ZOOM_IN = List.of(shortcut(KeyCode.EQUALS), shortcut(KeyCode.PLUS),
            shortcut(KeyCode.ADD), new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN,
                    KeyCombination.SHIFT_DOWN));
    private static final List<KeyCombination> ZOOM_OUT = List.of(shortcut(KeyCode.MINUS), shortcut(KeyCode.SUBTRACT));
    private static final List<KeyCombination> ZOOM_RESET = List.of(shortcut(KeyCode.DIGIT0), shortcut(KeyCode.NUMPAD0));

    private final Vault vault;
    private final TabPane tabs = new TabPane();
    private final Tab sections = new Tab("Hosts");
    private final TerminalSettings settings = new TerminalSettings();

    public TerminalTabs(Vault vault) {
        this.vault = vault;
        tabs.setId("terminalTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.setTabDragPolicy(TabPane.TabDragPolicy.FIXED);
        sections.setId("sectionsTab");
        sections.setClosable(false);
        sections.setGraphic(new FontIcon(Material2MZ.STORAGE));
        tabs.getTabs().add(sections);
        tabs.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcuts);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now.getUserData() instanceof TerminalTab terminal) {
                Platform.runLater(terminal::focus);
            }
        });
        settings.fontSizeProperty().addListener((obs, old, now) -> terminals().forEach(TerminalTab::applyFont));
    }

    public Parent root() {
        return tabs;
    }

    public TerminalSettings settings() {
        return settings;
    }

    /** Shows a sidebar section in the fixed first tab and brings that tab forward. */
    public void showSection(String name, Node content) {
        sections.setText(name);
        sections.setContent(content);
        tabs.getSelectionModel().select(sections);
    }

    /** Opens a new terminal tab for the host and starts connecting. */
    public TerminalTab open(Host host) {
        DialogSshPrompt prompt = new DialogSshPrompt(this::window);
        SshConnector engine = new Connections(vault).engine(prompt);
        TerminalTab terminal = new TerminalTab(new TerminalSessionViewModel(host, engine, prompt, Platform::runLater),
                settings);
        tabs.getTabs().add(terminal.tab());
        tabs.getSelectionModel().select(terminal.tab());
        terminal.session().connect();
        return terminal;
    }

    /** The open terminal tabs, in order. */
    public List<TerminalTab> terminals() {
        return tabs.getTabs().stream().map(Tab::getUserData)
                .filter(TerminalTab.class::isInstance).map(TerminalTab.class::cast).toList();
    }

    /** Closes every terminal (when the vault locks or the window closes). */
    public void closeAll() {
        for (TerminalTab terminal : terminals()) {
            tabs.getTabs().remove(terminal.tab());
            terminal.dispose();
        }
    }

    /** Closes the selected terminal tab; the fixed first tab stays. */
    public void closeSelected() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (selected != null && selected.getUserData() instanceof TerminalTab terminal) {
            tabs.getTabs().remove(selected);
            terminal.dispose();
        }
    }

    /** Moves the selection by {@code step} tabs, wrapping around. */
    public void move(int step) {
        int count = tabs.getTabs().size();
        int index = tabs.getSelectionModel().getSelectedIndex();
        tabs.getSelectionModel().select(Math.floorMod(index + step, count));
    }

    private void shortcuts(KeyEvent event) {
        if (CLOSE.match(event)) {
            closeSelected();
        } else if (PREVIOUS.match(event) || PREVIOUS_PAGE.match(event)) {
            move(-1);
        } else if (NEXT.match(event) || NEXT_PAGE.match(event)) {
            move(1);
        } else if (ZOOM_IN.stream().anyMatch(k -> k.match(event))) {
            settings.zoomIn();
        } else if (ZOOM_OUT.stream().anyMatch(k -> k.match(event))) {
            settings.zoomOut();
        } else if (ZOOM_RESET.stream().anyMatch(k -> k.match(event))) {
            settings.resetZoom();
        } else {
            return;
        }
        event.consume();
    }

    private Window window() {
        Scene scene = tabs.getScene();
        return scene == null ? null : scene.getWindow();
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }
}
