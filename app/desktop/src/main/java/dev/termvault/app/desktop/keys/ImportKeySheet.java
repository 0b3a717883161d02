package dev.termvault.app.desktop.keys;

import atlantafx.base.theme.Styles;
import dev.termvault.app.core.keys.KeyRow;
import dev.termvault.app.desktop.common.Controls;
import dev.termvault.app.desktop.common.Forms;
import dev.termvault.app.desktop.common.Sheets;
import java.io.File;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The sheet that imports a key file: the file (typed or browsed for), a name, and the file's passphrase when
 * it turns out to need one.
 */
final class ImportKeySheet {

    private final KeyImportViewModel importing;
    private final TextField file = new TextField();

    private ImportKeySheet(KeyImportViewModel importing) {
        this.importing = importing;
    }

    /**
     * Shows the sheet over {@code layer} with a fresh form (new controls each time); {@code onImported} gets the
     * key once it is stored and the sheet has closed.
     */
    static void show(StackPane layer, KeyImportViewModel importing, Consumer<KeyRow> onImported) {
        new ImportKeySheet(importing).open(layer, onImported);
    }

    private void open(StackPane layer, Consumer<KeyRow> onImported) {
        importing.reset();
        Label error = Forms.message(importing.errorProperty(), Styles.DANGER);
        error.setId("importError");
        Button cancel = Controls.cancelButton();
        Button confirm = Controls.confirmButton("Import", new FontIcon(Material2AL.FILE_UPLOAD), "importConfirm",
                importing.canImportProperty());
        VBox card = Sheets.card(520, "Import an SSH key", form(layer),
                Forms.hint("The key is stored in the vault without its file passphrase: the vault protects it."),
                error, Controls.busyBar(importing.busyProperty()), Sheets.buttons(cancel, confirm));
        Runnable close = Sheets.show(layer, card);
        cancel.setOnAction(e -> close.run());
        confirm.setOnAction(e -> importing.importKey(row -> {
            close.run();
            onImported.accept(row);
        }));
        file.requestFocus();
    }

    private GridPane form(StackPane layer) {
        file.setId("importFile");
        file.setPromptText("Path to a private key (OpenSSH, PEM, PKCS#8 or PuTTY)");
        file.textProperty().bindBidirectional(importing.fileProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button("Browse...");
        browse.setOnAction(e -> browse(layer));
        TextField name = new TextField();
        name.setId("importName");
        name.textProperty().bindBidirectional(importing.nameProperty());
        PasswordField passphrase = new PasswordField();
        passphrase.setId("importPassphrase");
        passphrase.setPromptText("Passphrase of the key file");
        passphrase.textProperty().bindBidirectional(importing.passphraseProperty());
        Label passphraseLabel = new Label("Passphrase");
        Controls.shownWhen(importing.needsPassphraseProperty(), passphrase, passphraseLabel);
        importing.needsPassphraseProperty().addListener((obs, old, now) -> {
            if (now) {
                passphrase.requestFocus();
            }
        });
        GridPane grid = KeysPane.sheetGrid();
        grid.addRow(0, new Label("Key file"), new HBox(6, file, browse));
        grid.addRow(1, new Label("Name"), name);
        grid.addRow(2, passphraseLabel, passphrase);
        return grid;
    }

    /** Picks the key file in the system's file chooser, starting in ~/.ssh when there is one. */
    private void browse(StackPane layer) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import an SSH key");
        File home = new File(System.getProperty("user.home"), ".ssh");
        if (home.isDirectory()) {
            chooser.setInitialDirectory(home);
        }
        File chosen = chooser.showOpenDialog(layer.getScene().getWindow());
        if (chosen != null) {
            importing.fileProperty().set(chosen.getAbsolutePath());
        }
    }
}
