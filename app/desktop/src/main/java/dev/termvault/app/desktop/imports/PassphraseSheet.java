package dev.termvault.app.desktop.imports;

import atlantafx.base.theme.Styles;
import dev.termvault.app.desktop.common.Forms;
import dev.termvault.app.ssh.keys.PassphrasePrompt;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The question for a key file's passphrase, inside the import sheet: the import's {@link PassphrasePrompt}. It is
 * asked on the worker thread and waits for the answer; "Skip this key" answers with none.
 */
final class PassphraseSheet implements PassphrasePrompt {

    private final VBox sheet = new VBox(10);
    private final Label file = new Label();
    private final PasswordField passphrase = new PasswordField();
    private Node covered;
    private CompletableFuture<char[]> pending;

    PassphraseSheet() {
        sheet.setId("importPassphraseSheet");
        sheet.setVisible(false);
        sheet.setMaxSize(460, Region.USE_PREF_SIZE);
        sheet.setPadding(new Insets(20));
        sheet.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-accent-emphasis;"
                + " -fx-border-radius: 8; -fx-background-radius: 8; -fx-effect: dropshadow(gaussian,"
                + " rgba(0,0,0,0.3), 16, 0, 0, 4);");
        Label title = new Label("This key file has a passphrase", new FontIcon(Material2MZ.VPN_KEY));
        title.getStyleClass().add(Styles.TITLE_4);
        file.setWrapText(true);
        file.getStyleClass().add(Styles.TEXT_MUTED);
        passphrase.setId("importPassphrase");
        passphrase.setPromptText("Passphrase");
        Button skip = new Button("Skip this key");
        skip.setId("importPassphraseSkip");
        skip.setOnAction(e -> answer(null));
        Button ok = new Button("Unlock key");
        ok.setId("importPassphraseOk");
        ok.getStyleClass().add(Styles.ACCENT);
        ok.disableProperty().bind(passphrase.textProperty().isEmpty());
        ok.setOnAction(e -> answer(passphrase.getText().toCharArray()));
        passphrase.setOnAction(e -> {
            if (!passphrase.getText().isEmpty()) {
                answer(passphrase.getText().toCharArray());
            }
        });
        Region grow = new Region();
        HBox.setHgrow(grow, javafx.scene.layout.Priority.ALWAYS);
        HBox buttons = new HBox(10, grow, skip, ok);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(14, 0, 0, 0));
        sheet.getChildren().addAll(title, file, passphrase,
                Forms.hint("Skipping imports the rest; a host that uses this key is imported without it."), buttons);
        StackPane.setAlignment(sheet, Pos.CENTER);
    }

    /** The sheet; {@code page} is disabled while it shows. */
    Node node(Node page) {
        this.covered = page;
        return sheet;
    }

    /** Called on the worker thread: shows the question and waits for the answer. */
    @Override
    public char[] passphraseFor(String keyFile) {
        CompletableFuture<char[]> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            pending = answer;
            file.setText(keyFile);
            passphrase.clear();
            sheet.setVisible(true);
            covered.setDisable(true);
            passphrase.requestFocus();
        });
        return answer.join();
    }

    private void answer(char[] value) {
        CompletableFuture<char[]> waiting = pending;
        pending = null;
        passphrase.clear();
        sheet.setVisible(false);
        covered.setDisable(false);
        if (waiting != null) {
            waiting.complete(value);
        }
    }

    /** Answers a pending question with "skip" (when the wizard goes away). */
    void dispose() {
        if (pending != null) {
            answer(null);
        }
    }
}
