package dev.termvault.app.desktop.keys;

import dev.termvault.app.core.keys.KeyRow;
import dev.termvault.app.desktop.common.Forms;
import dev.termvault.app.desktop.common.Sheets;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.termvault.app.ssh.keys.KeyAlgorithm;
import java.io.File;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

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
        TextField search = new TextField();
        search.setId("keySearch");
        search.setPromptText("Search keys");
        search.textProperty().bindBidirectional(model.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button generate = new Button("Generate...", new FontIcon(Material2AL.ADD));
        generate.setId("generateKey");
        generate.getStyleClass().add(Styles.ACCENT);
        generate.setOnAction(e -> showGenerate());
        Button importButton = new Button("Import...", new FontIcon(Material2AL.FILE_UPLOAD));
        importButton.setId("importKey");
        importButton.setOnAction(e -> showImport());

        table.setId("keyTable");
        table.setItems(model.keys());
        table.setPlaceholder(new Label("No SSH keys yet: generate one or import a key file."));
        table.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Name", 140, KeyRow::name),
                column("Type", 76, KeyRow::typeLabel),
                column("Bits", 48, r -> r.bits() == 0 ? "" : Integer.toString(r.bits())),
                monospace(column("Fingerprint (SHA256)", 340, KeyRow::fingerprint)),
                column("Comment", 120, KeyRow::comment)));
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

        Button copy = new Button("Copy public key", new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("copyPublicKey");
        copy.setOnAction(e -> model.copyPublicKey(model.selectedProperty().get()));
        Button rename = new Button("Rename...", new FontIcon(Material2AL.EDIT));
        rename.setId("renameKey");
        rename.setOnAction(e -> showRename(model.selectedProperty().get()));
        Button delete = new Button("Delete...", new FontIcon(Material2AL.DELETE));
        delete.setId("deleteKey");
        delete.getStyleClass().add(Styles.DANGER);
        delete.setOnAction(e -> confirmDelete(model.selectedProperty().get()));
        for (Button b : List.of(copy, rename, delete)) {
            b.disableProperty().bind(model.selectedProperty().isNull());
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label status = new Label();
        status.setId("keyStatus");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());

        HBox actions = new HBox(8, copy, rename, delete, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(12, Forms.title("SSH keys"), new HBox(8, search, generate, importButton), table,
                actions);
        box.setPadding(new Insets(16));
        return box;
    }

    /** Shows the column's text in a small monospace font (fingerprints). */
    static <S> TableColumn<S, String> monospace(TableColumn<S, String> column) {
        column.setCellFactory(c -> {
            javafx.scene.control.TableCell<S, String> cell = new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.setStyle("-fx-font-family: monospace; -fx-font-size: 11px;");
            return cell;
        });
        return column;
    }

    private static TableColumn<KeyRow, String> column(String name, double width, Function<KeyRow, String> value) {
        TableColumn<KeyRow, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private void showGenerate() {
        generation.reset(defaultComment);
        ComboBox<KeyAlgorithm> algorithm = new ComboBox<>();
        algorithm.setId("keyAlgorithm");
        algorithm.getItems().setAll(KeyAlgorithm.values());
        algorithm.setConverter(new StringConverter<>() {
            @Override
            public String toString(KeyAlgorithm value) {
                return value == null ? "" : switch (value) {
                    case ED25519 -> "Ed25519 (recommended)";
                    case ECDSA -> "ECDSA";
                    case RSA -> "RSA";
                };
            }

            @Override
            public KeyAlgorithm fromString(String text) {
                return null;
            }
        });
        algorithm.valueProperty().bindBidirectional(generation.algorithmProperty());
        ComboBox<Integer> bits = new ComboBox<>(generation.sizes());
        bits.setId("keyBits");
        bits.valueProperty().bindBidirectional(generation.bitsProperty());
        bits.disableProperty().bind(Bindings.size(generation.sizes()).lessThan(2));
        TextField name = new TextField();
        name.setId("keyName");
        name.setPromptText("e.g. laptop 2026");
        name.textProperty().bindBidirectional(generation.nameProperty());
        TextField comment = new TextField();
        comment.setId("keyComment");
        comment.textProperty().bindBidirectional(generation.commentProperty());

        GridPane grid = grid();
        grid.addRow(0, new Label("Type"), algorithm);
        grid.addRow(1, new Label("Bits"), bits);
        grid.addRow(2, new Label("Name"), name);
        grid.addRow(3, new Label("Comment"), comment);
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setId("keyProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(generation.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label slow = Forms.hint("RSA keys take a few seconds to make.");
        slow.visibleProperty().bind(generation.slowProperty());
        slow.managedProperty().bind(slow.visibleProperty());

        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(generation.busyProperty());
        Button create = new Button("Generate", new FontIcon(Material2MZ.VPN_KEY));
        create.setId("generate");
        create.setDefaultButton(true);
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(generation.canGenerateProperty().not());
        VBox card = Sheets.card(440, "Generate an SSH key", grid, slow, progress,
                Forms.message(generation.errorProperty(), Styles.DANGER), Sheets.buttons(cancel, create));
        Runnable close = Sheets.show(root, card);
        cancel.setOnAction(e -> close.run());
        create.setOnAction(e -> generation.generate(record -> {
            close.run();
            model.refresh();
            model.keys().stream().filter(r -> r.id().equals(record.id())).findFirst().ifPresent(r -> {
                model.selectedProperty().set(r);
                model.statusProperty().set("Made " + r.name() + ".");
            });
        }));
        name.requestFocus();
    }

    private void showImport() {
        importing.reset();
        TextField file = new TextField();
        file.setId("importFile");
        file.setPromptText("Path to a private key (OpenSSH, PEM, PKCS#8 or PuTTY)");
        file.textProperty().bindBidirectional(importing.fileProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button("Browse...");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Import an SSH key");
            File home = new File(System.getProperty("user.home"), ".ssh");
            if (home.isDirectory()) {
                chooser.setInitialDirectory(home);
            }
            File chosen = chooser.showOpenDialog(root.getScene().getWindow());
            if (chosen != null) {
                importing.fileProperty().set(chosen.getAbsolutePath());
            }
        });
        TextField name = new TextField();
        name.setId("importName");
        name.textProperty().bindBidirectional(importing.nameProperty());
        PasswordField passphrase = new PasswordField();
        passphrase.setId("importPassphrase");
        passphrase.setPromptText("Passphrase of the key file");
        passphrase.textProperty().bindBidirectional(importing.passphraseProperty());
        Label passphraseLabel = new Label("Passphrase");
        for (Node n : List.of(passphrase, passphraseLabel)) {
            n.visibleProperty().bind(importing.needsPassphraseProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        importing.needsPassphraseProperty().addListener((obs, old, now) -> {
            if (now) {
                passphrase.requestFocus();
            }
        });
        GridPane grid = grid();
        grid.addRow(0, new Label("Key file"), new HBox(6, file, browse));
        grid.addRow(1, new Label("Name"), name);
        grid.addRow(2, passphraseLabel, passphrase);
        Label error = Forms.message(importing.errorProperty(), Styles.DANGER);
        error.setId("importError");
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(importing.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        Button confirm = new Button("Import", new FontIcon(Material2AL.FILE_UPLOAD));
        confirm.setId("importConfirm");
        confirm.setDefaultButton(true);
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.disableProperty().bind(importing.canImportProperty().not());
        VBox card = Sheets.card(520, "Import an SSH key", grid,
                Forms.hint("The key is stored in the vault without its file passphrase: the vault protects it."),
                error, progress, Sheets.buttons(cancel, confirm));
        Runnable close = Sheets.show(root, card);
        cancel.setOnAction(e -> close.run());
        confirm.setOnAction(e -> importing.importKey(record -> {
            close.run();
            model.refresh();
            model.keys().stream().filter(r -> r.id().equals(record.id())).findFirst().ifPresent(r -> {
                model.selectedProperty().set(r);
                model.statusProperty().set("Imported " + r.name() + ".");
            });
        }));
        file.requestFocus();
    }

    private void showRename(KeyRow row) {
        if (row == null) {
            return;
        }
        TextField name = new TextField(row.name());
        name.setId("renameField");
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        Button ok = new Button("Rename");
        ok.setId("renameConfirm");
        ok.setDefaultButton(true);
        ok.getStyleClass().add(Styles.ACCENT);
        ok.disableProperty().bind(name.textProperty().isEmpty());
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

    private static GridPane grid() {
        GridPane grid = Sheets.formGrid();
        grid.setVgap(8);
        return grid;
    }
}
