package dev.termvault.app.desktop.account;

import dev.termvault.app.desktop.common.Forms;
import atlantafx.base.theme.Styles;
import dev.termvault.app.core.EmergencyKit;
import dev.termvault.app.desktop.account.AccountSetupViewModel.Mode;
import dev.termvault.app.desktop.account.AccountSetupViewModel.Step;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Create an account on a server, sign in on a new device, or link the open vault to a new account: the
 * server address and its certificate fingerprint to confirm, then the account details, then the work with a
 * progress bar and Cancel, then (for a new account) the Emergency Kit.
 */
public final class AccountSetupView {

    private final AccountSetupViewModel model;
    private final VBox card;
    private final Parent root;

    /**
     * @param back   leaves the flow (back to the first-run choices, or closes the form); null for none
     * @param centred whether the card sits centred on its own screen (first run) or at the top of a pane
     */
    public AccountSetupView(AccountSetupViewModel model, Runnable back, boolean centred) {
        this.model = model;
        Node server = step(Step.SERVER, serverStep(back));
        Node details = step(Step.DETAILS, detailsStep());
        Node working = step(Step.WORKING, workingStep());
        Node kit = step(Step.EMERGENCY_KIT, kitStep());
        card = Forms.card(centred ? 700 : 620, server, details, working, kit);
        card.setId("accountSetup");
        if (centred) {
            root = Forms.centred(card);
        } else {
            VBox box = new VBox(card);
            box.setAlignment(Pos.TOP_LEFT);
            root = box;
        }
    }

    public Parent root() {
        return root;
    }

    private Node step(Step which, VBox content) {
        content.visibleProperty().bind(model.stepProperty().isEqualTo(which));
        content.managedProperty().bind(content.visibleProperty());
        return content;
    }

    private String title() {
        return switch (model.mode()) {
            case CREATE_ACCOUNT -> "Create an account on a server";
            case SIGN_IN -> "Sign in on a new device";
            case ATTACH -> "Link this vault to a sync account";
        };
    }

    private VBox serverStep(Runnable back) {
        TextField url = new TextField();
        url.setId("serverUrl");
        url.setPromptText("https://sync.example.org:8443");
        url.textProperty().bindBidirectional(model.serverUrlProperty());
        url.disableProperty().bind(model.busyProperty().or(model.fingerprintProperty().isNotEmpty()));
        Button check = new Button("Check server", new FontIcon(Material2MZ.VERIFIED_USER));
        check.setId("checkServer");
        check.setDefaultButton(true);
        check.getStyleClass().add(Styles.ACCENT);
        check.disableProperty().bind(model.busyProperty().or(model.fingerprintProperty().isNotEmpty()));
        check.setOnAction(e -> model.checkServer());
        url.setOnAction(e -> model.checkServer());

        Label fp = new Label();
        fp.setId("serverFingerprint");
        fp.textProperty().bind(model.fingerprintProperty());
        fp.setWrapText(true);
        fp.setStyle("-fx-font-family: monospace; -fx-font-size: 1.05em;");
        Button matches = new Button("It matches: trust this server", new FontIcon(Material2AL.CHECK));
        matches.setId("confirmFingerprint");
        matches.getStyleClass().add(Styles.SUCCESS);
        matches.setOnAction(e -> model.confirmFingerprint());
        Button differs = new Button("It does not match", new FontIcon(Material2AL.CANCEL));
        differs.setId("rejectFingerprint");
        differs.getStyleClass().add(Styles.DANGER);
        differs.setOnAction(e -> model.rejectFingerprint());
        VBox confirm = new VBox(8,
                Forms.hint("The server presented this certificate fingerprint (SHA-256). Compare it with the"
                        + " fingerprint the server printed when it started. Only continue if every character"
                        + " is the same: from now on this device trusts exactly this certificate."),
                fp, new HBox(10, matches, differs));
        confirm.setId("fingerprintBox");
        confirm.setStyle("-fx-background-color: -color-bg-subtle; -fx-padding: 12; -fx-background-radius: 6;");
        confirm.visibleProperty().bind(model.fingerprintProperty().isNotEmpty());
        confirm.managedProperty().bind(confirm.visibleProperty());

        HBox buttons = new HBox(10, check);
        if (back != null) {
            Button cancel = new Button("Back");
            cancel.setId("accountBack");
            cancel.setOnAction(e -> back.run());
            buttons.getChildren().add(cancel);
        }
        buttons.visibleProperty().bind(model.fingerprintProperty().isEmpty());
        buttons.managedProperty().bind(buttons.visibleProperty());
        return new VBox(10, Forms.title(title()),
                Forms.hint("The address of your Termvault sync server, as its administrator gave it to you."),
                url, confirm,
                Forms.message(model.errorProperty(), Styles.DANGER), buttons);
    }

    private VBox detailsStep() {
        TextField email = new TextField();
        email.setId("accountEmail");
        email.setPromptText("Email");
        email.textProperty().bindBidirectional(model.emailProperty());
        PasswordField password = new PasswordField();
        password.setId("accountPassword");
        password.setPromptText(model.mode() == Mode.ATTACH ? "This vault's master password" : "Master password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        VBox box = new VBox(10, Forms.title(title()));
        Label pinned = new Label();
        pinned.textProperty().bind(Bindings.concat("Server ", model.serverUrlProperty(), " (certificate pinned)"));
        pinned.setGraphic(new FontIcon(Material2MZ.VERIFIED_USER));
        pinned.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.SUCCESS);
        box.getChildren().addAll(pinned, email, password);
        Node last = switch (model.mode()) {
            case CREATE_ACCOUNT -> createAccountFields(box);
            case SIGN_IN -> signInFields(box);
            case ATTACH -> {
                box.getChildren().add(1, Forms.hint("The account uses this vault's master password and Secret Key."
                        + " The records are uploaded encrypted; nothing is re-encrypted."));
                yield password;
            }
        };
        if (last instanceof TextField field) {
            field.setOnAction(e -> model.submit());
        }
        Button back = new Button("Back");
        back.setId("detailsBack");
        back.setOnAction(e -> model.cancel());
        box.getChildren().addAll(Forms.message(model.problemProperty(), Styles.TEXT_MUTED),
                Forms.message(model.errorProperty(), Styles.DANGER), new HBox(10, submitButton(), back));
        return box;
    }

    /** The confirmation field and the strength meter of a new account; returns the last field. */
    private Node createAccountFields(VBox box) {
        PasswordField confirmation = new PasswordField();
        confirmation.setId("accountConfirm");
        confirmation.setPromptText("The same password again");
        confirmation.textProperty().bindBidirectional(model.confirmationProperty());
        Node[] meter = Forms.strengthMeter("accountStrength", model.strengthProperty());
        box.getChildren().add(1, Forms.hint("Your vault is encrypted on this device with this master password"
                + " and a Secret Key made here. The server only ever stores ciphertext and cannot reset"
                + " either for you."));
        box.getChildren().add(confirmation);
        box.getChildren().addAll(meter);
        return confirmation;
    }

    /** The Secret Key field of a sign-in on a new device; returns it. */
    private Node signInFields(VBox box) {
        box.getChildren().add(1, Forms.hint("Your account's email, master password and the Secret Key from"
                + " your Emergency Kit. The vault arrives encrypted and is opened on this device."));
        TextField secretKey = new TextField();
        secretKey.setId("secretKey");
        secretKey.setPromptText("Secret Key (TV1-…, from your Emergency Kit)");
        secretKey.setStyle("-fx-font-family: monospace;");
        secretKey.textProperty().bindBidirectional(model.secretKeyProperty());
        box.getChildren().add(secretKey);
        return secretKey;
    }

    private Button submitButton() {
        Button submit = new Button(switch (model.mode()) {
            case CREATE_ACCOUNT -> "Create account";
            case SIGN_IN -> "Sign in";
            case ATTACH -> "Link this vault";
        }, new FontIcon(model.mode() == Mode.SIGN_IN ? Material2AL.LOGIN : Material2AL.CLOUD_UPLOAD));
        submit.setId("submitAccount");
        submit.setDefaultButton(true);
        submit.getStyleClass().add(Styles.ACCENT);
        submit.disableProperty().bind(model.canSubmitProperty().not());
        submit.setOnAction(e -> model.submit());
        return submit;
    }

    private VBox workingStep() {
        ProgressBar bar = new ProgressBar();
        bar.setId("syncProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label text = new Label();
        text.setId("syncProgressText");
        text.textProperty().bind(model.progressTextProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelSetup");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.cancel());
        // Only signing in can take long (the whole vault comes down); the other flows sync an empty or
        // just-linked vault and resume in the background if that first pass fails.
        cancel.setVisible(model.mode() == Mode.SIGN_IN);
        return new VBox(12, Forms.title(title()), text, bar, cancel);
    }

    private VBox kitStep() {
        TextArea kitText = new TextArea();
        kitText.setId("accountEmergencyKit");
        kitText.setEditable(false);
        kitText.setPrefRowCount(9);
        kitText.setStyle("-fx-font-family: monospace;");
        kitText.textProperty().bind(Bindings.createStringBinding(() -> {
            EmergencyKit kit = model.emergencyKitProperty().get();
            return kit == null ? "" : kit.text();
        }, model.emergencyKitProperty()));
        Button save = new Button("Save Emergency Kit...");
        save.setId("accountSaveKit");
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save Emergency Kit");
            chooser.setInitialFileName("Termvault Emergency Kit.txt");
            File file = chooser.showSaveDialog(save.getScene().getWindow());
            if (file != null) {
                model.saveEmergencyKit(file.toPath());
            }
        });
        Button next = new Button("Continue");
        next.setId("accountKitContinue");
        next.setDefaultButton(true);
        next.getStyleClass().add(Styles.ACCENT);
        next.setOnAction(e -> model.finish());
        return new VBox(10, Forms.title("Your Emergency Kit"),
                Forms.hint("To sign in on a new device you need the server address, your email, your master"
                        + " password and this Secret Key. Save the kit or print it, and keep it somewhere safe and"
                        + " offline."),
                kitText, Forms.message(model.savedMessageProperty(), Styles.SUCCESS), new HBox(10, save, next));
    }
}
