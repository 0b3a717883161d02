package dev.termvault.app.desktop;

import dev.termvault.app.desktop.common.RecordPanes;
import dev.termvault.app.desktop.hosts.HostsPane;
import dev.termvault.app.desktop.settings.SettingsView;
import dev.termvault.app.desktop.terminal.TerminalTabs;
import atlantafx.base.theme.Styles;
import dev.termvault.app.desktop.settings.SettingsViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The main window: a sidebar of sections, the selected section, and the lock button. */
public final class MainView {

    private final BorderPane root = new BorderPane();
    private final HostsPane hosts;
    private final GuiSettings settings;
    private final ToggleGroup sections = new ToggleGroup();
    private final TerminalTabs terminals;
    private ToggleButton hostsButton;
    private final Runnable autoLockChanged;

    public MainView(HostsPane hosts, RecordPanes records, GuiSettings settings, Runnable lock) {
        this(hosts, records, settings, lock, null, () -> { });
    }

    /**
     * @param terminals       when not null, the centre is a tab pane whose fixed first tab shows the selected section
     * @param autoLockChanged called when the auto-lock time is changed in Settings
     */
    public MainView(HostsPane hosts, RecordPanes records, GuiSettings settings, Runnable lock,
                    TerminalTabs terminals, Runnable autoLockChanged) {
        this.hosts = hosts;
        this.settings = settings;
        this.terminals = terminals;
        this.autoLockChanged = autoLockChanged;
        VBox sidebar = new VBox(4);
        sidebar.setId("sidebar");
        sidebar.setPadding(new Insets(12, 8, 12, 8));
        sidebar.setPrefWidth(180);
        sidebar.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: transparent"
                + " -color-border-default transparent transparent;");
        Label brand = new Label("Termvault");
        brand.getStyleClass().add(Styles.TITLE_4);
        brand.setPadding(new Insets(0, 0, 8, 8));
        sidebar.getChildren().add(brand);
        ToggleButton first = section(sidebar, "Hosts", Material2MZ.STORAGE, hosts.root());
        hostsButton = first;
        section(sidebar, "Keys", Material2MZ.VPN_KEY, records.keys().root());
        section(sidebar, "Credentials", Material2AL.ACCOUNT_BOX, records.credentials().root());
        section(sidebar, "Snippets", Material2AL.CODE, records.snippets().root());
        section(sidebar, "Known hosts", Material2MZ.VERIFIED_USER, records.knownHosts().root());
        section(sidebar, "Settings", Material2MZ.SETTINGS, settingsPane());
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Button lockButton = new Button("Lock", new FontIcon(Material2AL.LOCK));
        lockButton.setId("lock");
        lockButton.setMaxWidth(Double.MAX_VALUE);
        lockButton.setOnAction(e -> lock.run());
        Label shortcut = new Label("Ctrl+L");
        shortcut.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        sidebar.getChildren().addAll(spacer, lockButton, shortcut);
        root.setLeft(sidebar);
        first.setSelected(true);
        showSection("Hosts", hosts.root());
    }

    public Parent root() {
        return root;
    }

    /** Brings the Hosts section forward (from another section or a terminal tab), for Ctrl+N and Ctrl+F. */
    public void showHosts() {
        hostsButton.setSelected(true);
        showSection("Hosts", hosts.root());
    }

    public HostsPane hosts() {
        return hosts;
    }

    /**
     * Adds a sidebar section just above Settings; {@code onShow} runs each time it is selected.
     */
    public ToggleButton addSection(String name, Ikon icon, Node content, Runnable onShow) {
        VBox sidebar = (VBox) root.getLeft();
        int settingsAt = sidebar.getChildren().indexOf(sidebar.lookup("#section-settings"));
        ToggleButton button = section(sidebar, name, icon, content);
        sidebar.getChildren().remove(button);
        sidebar.getChildren().add(settingsAt, button);
        button.addEventHandler(javafx.event.ActionEvent.ACTION, e -> onShow.run());
        return button;
    }

    /** Puts {@code bar} along the bottom of the window (the sync status bar). */
    public void setStatusBar(Node bar) {
        root.setBottom(bar);
    }

    private ToggleButton section(VBox sidebar, String name, Ikon icon, Node content) {
        ToggleButton button = new ToggleButton(name, new FontIcon(icon));
        button.setId("section-" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        button.setToggleGroup(sections);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.getStyleClass().add(Styles.FLAT);
        button.setOnAction(e -> {
            button.setSelected(true);
            showSection(name, content);
        });
        sidebar.getChildren().add(button);
        return button;
    }

    private void showSection(String name, Node content) {
        if (terminals == null) {
            root.setCenter(content);
        } else {
            terminals.showSection(name, content);
            root.setCenter(terminals.root());
        }
    }

    /** The terminal tabs, when the window has them. */
    public TerminalTabs terminals() {
        return terminals;
    }

    private Node settingsPane() {
        return new SettingsView(new SettingsViewModel(settings, Theme::apply, autoLockChanged)).root();
    }
}
