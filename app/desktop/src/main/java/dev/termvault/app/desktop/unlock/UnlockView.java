package dev.termvault.app.desktop.unlock;

import dev.termvault.app.desktop.common.Forms;
import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The unlock screen. */
public final class UnlockView {

    private final VBox root;
    private final PasswordField password = new PasswordField();

    public UnlockView(UnlockViewModel model, Path vaultDirectory) {
        password.setId("unlockPassword");
        password.setPromptText("Master password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        password.disableProperty().bind(model.busyProperty());
        password.setOnAction(e -> model.unlock());

        Button unlock = new Button("Unlock", new FontIcon(Material2AL.LOCK_OPEN));
        unlock.setId("unlock");
        unlock.setDefaultButton(true);
        unlock.getStyleClass().add(Styles.ACCENT);
        unlock.setMaxWidth(Double.MAX_VALUE);
        unlock.disableProperty().bind(model.canUnlockProperty().not());
        unlock.setOnAction(e -> model.unlock());

        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setId("unlockProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(model.busyProperty());

        FontIcon icon = new FontIcon(Material2AL.LOCK);
        icon.setStyle("-fx-icon-size: 40px;");
        root = Forms.centred(Forms.card(380,
                icon,
                Forms.title("Termvault is locked"),
                Forms.hint("Vault: " + vaultDirectory),
                password,
                Forms.message(model.errorProperty(), Styles.DANGER),
                unlock,
                progress));
    }

    public Parent root() {
        return root;
    }

    /** Puts the cursor in the password field. */
    public void focus() {
        password.requestFocus();
    }
}
