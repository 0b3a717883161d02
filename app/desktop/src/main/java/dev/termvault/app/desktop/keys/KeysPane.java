package dev.termvault.app.desktop.keys;

import atlantafx.base.theme.Styles;
import dev.termvault.app.core.keys.KeyRow;
import dev.termvault.app.desktop.common.Controls;
import dev.termvault.app.desktop.common.Sheets;
import dev.termvault.app.desktop.common.Tables;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** Keys: the SSH keys in a table; generate, import, copy the public key, rename and delete. */
public final class KeysPane {

    private final KeysViewModel model;
    private final KeyGenerationViewModel generation;
    private final KeyImportViewModel importing;
    private final String defaultComment;
    private final StackPane root = new StackPane();
    private final TableView<KeyRow> table = new TableView<>();

    public KeysPane(KeysViewModel model, KeyGenerationViewModel generation, KeyImportViewModel importing,
            String defaultComment) {
        this.model = model;
        this.generation = generation;
        this.importing = importing;
        this.defaultComment = defaultComment;
        root.getChildren().add(content());
        root.sceneProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.refresh();
            }
        });
    }

    public Parent root() {
        return root;
    }

    private Node content() {
        TextField search = Controls.search("keySearch", "Search keys", model.queryProperty());
        Button generate = new Button("Generate...", new FontIcon(Material2AL.ADD));
        generate.setId("generateKey");
        generate.getStyleClass().add(Styles.ACCENT);
        generate.setOnAction(e -> GenerateKeySheet.show(root, generation, defaultComment, stored("Made")));
        Button importButton = new Button("Import...", new FontIcon(Material2AL.FILE_UPLOAD));
        importButton.setId("importKey");
        importButton.setOnAction(e -> ImportKeySheet.show(root, importing, stored("Imported")));
        return Controls.titled("SSH keys", new HBox(8, search, generate, importButton), table(), actions());
    }

    /** The keys, kept in step with the selection of the view model; Delete and Copy work on the selected key. */
    private TableView<KeyRow> table() {
        Tables.records(table, "keyTable", model.keys(), "No SSH keys yet: generate one or import a key file.");
        table.getColumns().setAll(List.of(
                Tables.column("Name", 140, KeyRow::name),
                Tables.column("Type", 76, KeyRow::typeLabel),
                Tables.<KeyRow>column("Bits", 48, r -> r.bits() == 0 ? "" : Integer.toString(r.bits())),
                Tables.monospace(Tables.column("Fingerprint (SHA256)", 340, KeyRow::fingerprint)),
                Tables.column("Comment", 120, KeyRow::comment)));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty()
                .set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && model.selectedProperty().get() != null) {
                confirmDelete(model.selectedProperty().get());
            } else if (Sheets.COPY.match(e) && model.selectedProperty().get() != null) {
                model.copyPublicKey(model.selectedProperty().get());
                e.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    /** What can be done with the selected key, and the status line. */
    private Node actions() {
        Button copy = new Button("Copy public key", new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("copyPublicKey");
        copy.setOnAction(e -> model.copyPublicKey(model.selectedProperty().get()));
        Button rename = new Button("Rename...", new FontIcon(Material2AL.EDIT));
        rename.setId("renameKey");
        rename.setOnAction(e -> showRename(model.selectedProperty().get()));
        Button delete = Controls.deleteButton("deleteKey", () -> confirmDelete(model.selectedProperty().get()));
        for (Button b : List.of(copy, rename, delete)) {
            b.disableProperty().bind(model.selectedProperty().isNull());
        }
        return Controls.actionRow(8, copy, rename, delete, Controls.mutedStatus("keyStatus", model.statusProperty()));
    }

    /** After a sheet stored a key: shows the list again with that key selected, and says "{@code verb} name.". */
    private Consumer<KeyRow> stored(String verb) {
        return stored -> {
            model.refresh();
            model.keys().stream().filter(r -> r.id().equals(stored.id())).findFirst().ifPresent(r -> {
                model.selectedProperty().set(r);
                model.statusProperty().set(verb + " " + r.name() + ".");
            });
        };
    }

    private void showRename(KeyRow row) {
        if (row == null) {
            return;
        }
        TextField name = new TextField(row.name());
        name.setId("renameField");
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        Button cancel = Controls.cancelButton();
        Button ok = Controls.confirmButton("Rename", null, "renameConfirm", name.textProperty().isNotEmpty());
        VBox card = Sheets.card(400, "Rename key", name, error, Sheets.buttons(cancel, ok));
        Runnable close = Sheets.show(root, card);
        cancel.setOnAction(e -> close.run());
        ok.setOnAction(e -> model.rename(row, name.getText()).ifPresentOrElse(error::setText, close));
        name.requestFocus();
        name.selectAll();
    }

    private void confirmDelete(KeyRow row) {
        if (row == null) {
            return;
        }
        List<String> hosts = model.hostsUsing(row);
        String message = "Delete the key " + row.name() + " (" + row.fingerprint() + ")? It cannot be undone.";
        if (!hosts.isEmpty()) {
            message += "\n\nThese hosts log in with it and will be unlinked from it (give them another key before"
                    + " connecting): " + String.join(", ", hosts) + ".";
        }
        Sheets.confirmDelete(root, "Delete SSH key", message, "confirmDeleteKey", () -> model.delete(row));
    }

    /** The form grid of the key sheets. */
    static GridPane sheetGrid() {
        GridPane grid = Sheets.formGrid();
        grid.setVgap(8);
        return grid;
    }
}
