package dev.termvault.app.desktop.account;

import dev.termvault.app.desktop.common.Forms;
import atlantafx.base.theme.Styles;
import dev.termvault.app.desktop.account.AccountViewModel.DeviceRow;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Account section: for a local vault, the form that links it to a new account; for a linked vault, the
 * account and its devices, each but this one with Revoke.
 */
public final class AccountPane {

    private final StackPane root = new StackPane();

    public AccountPane() {
        root.setId("accountPane");
        root.setAlignment(Pos.TOP_LEFT);
        root.setPadding(new Insets(20));
    }

    public Parent root() {
        return root;
    }

    /** Shows the link form (for a vault with no account). */
    public void showLinkForm(AccountSetupView form) {
        VBox box = new VBox(12, Forms.title("Account"), Forms.hint("This vault is local to this device. Link it to"
                + " an account on a Termvault sync server to keep it in sync across your devices. Everything"
                + " stays readable and editable offline."), form.root());
        root.getChildren().setAll(box);
    }

    /** Shows a linked account and its devices. */
    public void showLinked(AccountViewModel model) {
        Label summary = new Label(model.summary());
        summary.setId("accountSummary");
        summary.setGraphic(new FontIcon(Material2AL.ACCOUNT_CIRCLE));
        summary.setWrapText(true);
        Label fingerprint = new Label("Pinned certificate (SHA-256): " + model.fingerprint());
        fingerprint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        fingerprint.setWrapText(true);
        ListView<DeviceRow> devices = new ListView<>(model.devices());
        devices.setId("deviceList");
        devices.setCellFactory(v -> new DeviceCell(model));
        devices.setPrefHeight(260);
        devices.setPlaceholder(Forms.message(model.messageProperty(), Styles.TEXT_MUTED));
        Button refresh = new Button("Refresh", new FontIcon(Material2MZ.REFRESH));
        refresh.setId("devicesRefresh");
        refresh.setOnAction(e -> model.refresh());
        Label devicesTitle = new Label("Devices");
        devicesTitle.getStyleClass().add(Styles.TITLE_4);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox devicesHeader = new HBox(10, devicesTitle, spacer, refresh);
        devicesHeader.setAlignment(Pos.CENTER_LEFT);
        Label message = Forms.message(model.messageProperty(), Styles.TEXT_MUTED);
        VBox box = new VBox(12, Forms.title("Account"), summary, fingerprint, devicesHeader, devices, message);
        VBox.setVgrow(devices, Priority.ALWAYS);
        root.getChildren().setAll(box);
        model.refresh();
    }

    private static final class DeviceCell extends ListCell<DeviceRow> {
        private final AccountViewModel model;

        DeviceCell(AccountViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(DeviceRow device, boolean empty) {
            super.updateItem(device, empty);
            if (empty || device == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(device.name() + (device.current() ? " (this device)" : ""));
            name.getStyleClass().add(Styles.TEXT_BOLD);
            if (device.revoked()) {
                name.getStyleClass().add(Styles.TEXT_MUTED);
            }
            Label detail = new Label(device.detail());
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(10, new FontIcon(Material2AL.COMPUTER), new VBox(2, name, detail), spacer);
            row.setAlignment(Pos.CENTER_LEFT);
            if (!device.current() && !device.revoked()) {
                Button revoke = new Button("Revoke");
                revoke.getStyleClass().addAll(Styles.DANGER, Styles.SMALL);
                revoke.setOnAction(e -> {
                    Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Revoke " + device.name() + "? It is"
                            + " signed out at once and can no longer sync. Its local copy stays on it.",
                            ButtonType.CANCEL, ButtonType.OK);
                    confirm.setHeaderText("Revoke this device?");
                    confirm.initOwner(getScene().getWindow());
                    confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> model.revoke(device));
                });
                row.getChildren().add(revoke);
            }
            setText(null);
            setGraphic(row);
        }
    }
}
