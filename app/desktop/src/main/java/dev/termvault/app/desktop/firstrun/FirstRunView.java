package dev.termvault.app.desktop.firstrun;

import dev.termvault.app.desktop.common.Forms;
import atlantafx.base.theme.Styles;
import dev.termvault.app.core.EmergencyKit;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The first-run screen: the password form, then the Emergency Kit. */
public final class FirstRunView {

    private final FirstRunViewModel model;
    private final VBox root;

    public FirstRunView(FirstRunViewModel model) {
        this.model = model;
        VBox form = passwordForm();
        VBox kit = kitPane();
        form.visibleProperty().bind(model.emergencyKitProperty().isNull());
        form.managedProperty().bind(form.visibleProperty());
        kit.visibleProperty().bind(model.emergencyKitProperty().isNotNull());
        kit.managedProperty().bind(kit.visibleProperty());
        VBox screens = new VBox(form, kit);
        screens.setAlignment(Pos.CENTER);
        root = Forms.centred(screens);
    }

    public Parent root() {
        return root;
    }

    private VBox passwordForm() {
        PasswordField password = new PasswordField();
        password.setId("newPassword");
        password.setPromptText("Master password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        PasswordField confirmation = new PasswordField();
        confirmation.setId("confirmPassword");
        confirmation.setPromptText("The same password again");
        confirmation.textProperty().bindBidirectional(model.confirmationProperty());

        Node[] meter = Forms.strengthMeter("strengthMeter", model.strengthProperty());

        Button create = new Button("Create vault");
        create.setId("createVault");
        create.setDefaultButton(true);
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(model.canCreateProperty().not());
        create.setOnAction(e -> model.create());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(model.busyProperty());
        confirmation.setOnAction(e -> model.create());

        return Forms.card(440,
                Forms.title("Create your vault"),
                Forms.hint("Your hosts, keys and passwords are encrypted with this master password. Nobody can"
                        + " recover it for you, so pick one you will remember."),
                password, confirmation, meter[0], meter[1],
                Forms.message(model.problemProperty(), Styles.TEXT_MUTED),
                Forms.message(model.errorProperty(), Styles.DANGER),
                new HBox(10, create, progress));
    }

    private VBox kitPane() {
        TextArea kitText = new TextArea();
        kitText.setId("emergencyKit");
        kitText.setEditable(false);
        kitText.setWrapText(false);
        kitText.setPrefRowCount(9);
        kitText.setStyle("-fx-font-family: monospace;");
        kitText.textProperty().bind(Bindings.createStringBinding(() -> {
            EmergencyKit kit = model.emergencyKitProperty().get();
            return kit == null ? "" : kit.text();
        }, model.emergencyKitProperty()));

        Button save = new Button("Save Emergency Kit...");
        save.setId("saveKit");
        save.setOnAction(e -> chooseAndSave(save));
        Button next = new Button("Continue");
        next.setId("continue");
        next.setDefaultButton(true);
        next.getStyleClass().add(Styles.ACCENT);
        next.setOnAction(e -> model.finish());
        return Forms.card(700,
                Forms.title("Your Emergency Kit"),
                Forms.hint("This Secret Key and your master password together open your vault on a new device."
                        + " Save it or print it, and keep it somewhere safe and offline."),
                kitText,
                Forms.message(model.savedMessageProperty(), Styles.SUCCESS),
                new HBox(10, save, next));
    }

    private void chooseAndSave(Button owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save Emergency Kit");
        chooser.setInitialFileName("Termvault Emergency Kit.txt");
        File file = chooser.showSaveDialog(owner.getScene().getWindow());
        if (file != null) {
            model.saveEmergencyKit(file.toPath());
        }
    }
}
