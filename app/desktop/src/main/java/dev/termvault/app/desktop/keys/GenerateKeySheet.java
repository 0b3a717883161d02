package dev.termvault.app.desktop.keys;

import atlantafx.base.theme.Styles;
import dev.termvault.app.core.keys.KeyRow;
import dev.termvault.app.desktop.common.Controls;
import dev.termvault.app.desktop.common.Forms;
import dev.termvault.app.desktop.common.Sheets;
import dev.termvault.app.ssh.keys.KeyAlgorithm;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The sheet that makes a new SSH key: type, size, name and comment, with progress while it is made. */
final class GenerateKeySheet {

    private final KeyGenerationViewModel generation;
    private final TextField name = new TextField();

    private GenerateKeySheet(KeyGenerationViewModel generation) {
        this.generation = generation;
    }

    /**
     * Shows the sheet over {@code layer} with a fresh form (new controls each time); {@code onMade} gets the key
     * once it is stored and the sheet has closed.
     */
    static void show(StackPane layer, KeyGenerationViewModel generation, String defaultComment,
            Consumer<KeyRow> onMade) {
        new GenerateKeySheet(generation).open(layer, defaultComment, onMade);
    }

    private void open(StackPane layer, String defaultComment, Consumer<KeyRow> onMade) {
        generation.reset(defaultComment);
        ProgressBar progress = Controls.busyBar(generation.busyProperty());
        progress.setId("keyProgress");
        Label slow = Forms.hint("RSA keys take a few seconds to make.");
        Controls.shownWhen(generation.slowProperty(), slow);
        Button cancel = Controls.cancelButton();
        cancel.disableProperty().bind(generation.busyProperty());
        Button create = Controls.confirmButton("Generate", new FontIcon(Material2MZ.VPN_KEY), "generate",
                generation.canGenerateProperty());
        VBox card = Sheets.card(440, "Generate an SSH key", form(), slow, progress,
                Forms.message(generation.errorProperty(), Styles.DANGER), Sheets.buttons(cancel, create));
        Runnable close = Sheets.show(layer, card);
        cancel.setOnAction(e -> close.run());
        create.setOnAction(e -> generation.generate(row -> {
            close.run();
            onMade.accept(row);
        }));
        name.requestFocus();
    }

    private GridPane form() {
        ComboBox<KeyAlgorithm> algorithm = new ComboBox<>();
        algorithm.setId("keyAlgorithm");
        algorithm.getItems().setAll(KeyAlgorithm.values());
        algorithm.setConverter(Controls.display(GenerateKeySheet::algorithmName));
        algorithm.valueProperty().bindBidirectional(generation.algorithmProperty());
        ComboBox<Integer> bits = new ComboBox<>(generation.sizes());
        bits.setId("keyBits");
        bits.valueProperty().bindBidirectional(generation.bitsProperty());
        bits.disableProperty().bind(Bindings.size(generation.sizes()).lessThan(2));
        name.setId("keyName");
        name.setPromptText("e.g. laptop 2026");
        name.textProperty().bindBidirectional(generation.nameProperty());
        TextField comment = new TextField();
        comment.setId("keyComment");
        comment.textProperty().bindBidirectional(generation.commentProperty());
        GridPane grid = KeysPane.sheetGrid();
        grid.addRow(0, new Label("Type"), algorithm);
        grid.addRow(1, new Label("Bits"), bits);
        grid.addRow(2, new Label("Name"), name);
        grid.addRow(3, new Label("Comment"), comment);
        return grid;
    }

    private static String algorithmName(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case ED25519 -> "Ed25519 (recommended)";
            case ECDSA -> "ECDSA";
            case RSA -> "RSA";
        };
    }
}
