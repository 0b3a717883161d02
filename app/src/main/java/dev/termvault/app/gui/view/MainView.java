package dev.termvault.app.gui.view;

import atlantafx.base.theme.Styles;
import dev.termvault.app.gui.GuiSettings;
import dev.termvault.app.gui.Theme;
import dev.termvault.app.gui.model.SettingsViewModel;
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
    private final Runnable autoLockChanged;

    public MainView(HostsPane hosts, GuiSettings settings, Runnable lock) {
        this(hosts, settings, lock, () -> { });
    }

    /** @param autoLockChanged called when the auto-lock time is changed in Settings */
    public MainView(HostsPane hosts, GuiSettings settings, Runnable lock, Runnable autoLockChanged) {
        this.hosts = hosts;
        this.settings = settings;
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
        section(sidebar, "Keys", Material2MZ.VPN_KEY, coming("Keys", "SSH keys: generate, import and copy public keys."));
        section(sidebar, "Credentials", Material2AL.ACCOUNT_BOX, coming("Credentials", "Saved passwords for hosts."));
        section(sidebar, "Snippets", Material2AL.CODE, coming("Snippets", "Commands you run often."));
        section(sidebar, "Known hosts", Material2MZ.VERIFIED_USER,
                coming("Known hosts", "The host keys you have accepted."));
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
        root.setCenter(hosts.root());
    }

    public Parent root() {
        return root;
    }

    public HostsPane hosts() {
        return hosts;
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
            root.setCenter(content);
        });
        sidebar.getChildren().add(button);
        return button;
    }

    private static Node coming(String title, String what) {
        VBox box = new VBox(8, Forms.title(title), Forms.hint(what + " Not in this version yet: use the"
                + " termvault command line for it meanwhile."));
        box.setPadding(new Insets(24));
        return box;
    }

    private Node settingsPane() {
        return new SettingsView(new SettingsViewModel(settings, Theme::apply, autoLockChanged)).root();
    }
}
