package dev.termvault.app.desktop.settings;

import dev.termvault.app.desktop.common.Forms;
import atlantafx.base.theme.Styles;
import dev.termvault.app.desktop.GuiSettings;
import dev.termvault.app.desktop.Theme;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Settings: theme, auto-lock and clipboard clearing, bound to a {@link SettingsViewModel}. */
public final class SettingsView {

    private final ScrollPane root;

    public SettingsView(SettingsViewModel model) {
        VBox box = new VBox(14, Forms.title("Settings"),
                heading("Appearance"), themeChoice(model),
                Forms.hint(SettingsViewModel.systemThemeHint(Theme.systemDetectable())),
                new Separator(),
                heading("Security"), autoLock(model), clipboard(model),
                Forms.hint("Locking the vault and closing the app clear a copied secret at once. The window's size"
                        + " and place are remembered when the app closes."));
        box.setPadding(new Insets(24));
        box.setMaxWidth(640);
        box.setId("settingsPane");
        root = new ScrollPane(box);
        root.setFitToWidth(true);
    }

    public Parent root() {
        return root;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private static Node themeChoice(SettingsViewModel model) {
        ToggleGroup group = new ToggleGroup();
        ToggleButton light = themeButton("Light", "lightTheme", Material2MZ.WB_SUNNY, Theme.LIGHT, group, model);
        ToggleButton dark = themeButton("Dark", "darkTheme", Material2MZ.NIGHTS_STAY, Theme.DARK, group, model);
        ToggleButton system = themeButton("Follow the system", "systemTheme", Material2AL.COMPUTER, Theme.SYSTEM,
                group, model);
        light.getStyleClass().add(Styles.LEFT_PILL);
        dark.getStyleClass().add(Styles.CENTER_PILL);
        system.getStyleClass().add(Styles.RIGHT_PILL);
        model.themeProperty().addListener((obs, old, now) -> select(group, now));
        select(group, model.themeProperty().get());
        // A click on the selected button would leave none selected: keep the current one instead.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        return new HBox(light, dark, system);
    }

    private static ToggleButton themeButton(String text, String id, Ikon icon, Theme theme, ToggleGroup group,
            SettingsViewModel model) {
        ToggleButton button = new ToggleButton(text, new FontIcon(icon));
        button.setId(id);
        button.setUserData(theme);
        button.setToggleGroup(group);
        button.setOnAction(e -> model.themeProperty().set(theme));
        return button;
    }

    private static void select(ToggleGroup group, Theme theme) {
        group.getToggles().stream().filter(t -> t.getUserData() == theme).findFirst()
                .ifPresent(t -> t.setSelected(true));
    }

    private static Node autoLock(SettingsViewModel model) {
        CheckBox enabled = new CheckBox("Lock the vault after");
        enabled.setId("autoLockEnabled");
        enabled.selectedProperty().bindBidirectional(model.autoLockEnabledProperty());
        Spinner<Integer> minutes = spinner("autoLockMinutes", 1, GuiSettings.MAX_AUTO_LOCK_MINUTES,
                model.autoLockMinutesProperty().get());
        minutes.getValueFactory().valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.autoLockMinutesProperty().set(now);
            }
        });
        minutes.disableProperty().bind(enabled.selectedProperty().not());
        HBox row = new HBox(10, enabled, minutes, new Label("minutes without keyboard or mouse input"));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Node clipboard(SettingsViewModel model) {
        Spinner<Integer> seconds = spinner("clipboardSeconds", GuiSettings.MIN_CLIPBOARD_SECONDS,
                GuiSettings.MAX_CLIPBOARD_SECONDS, model.clipboardSecondsProperty().get());
        seconds.getValueFactory().valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.clipboardSecondsProperty().set(now);
            }
        });
        HBox row = new HBox(10, new Label("Clear a copied password or key from the clipboard after"), seconds,
                new Label("seconds"));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Spinner<Integer> spinner(String id, int min, int max, int value) {
        Spinner<Integer> spinner = new Spinner<>();
        spinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value));
        spinner.setEditable(true);
        spinner.setPrefWidth(96);
        spinner.setId(id);
        // A typed number counts when the field is left, not only on Enter; text that is no number is undone.
        spinner.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                try {
                    spinner.commitValue();
                } catch (RuntimeException e) {
                    spinner.cancelEdit();
                }
            }
        });
        return spinner;
    }
}
