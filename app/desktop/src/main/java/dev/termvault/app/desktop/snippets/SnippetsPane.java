package dev.termvault.app.desktop.snippets;

import dev.termvault.app.desktop.common.Forms;
import dev.termvault.app.desktop.common.Sheets;
import dev.termvault.app.desktop.hosts.HostsPane;
import atlantafx.base.theme.Styles;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Snippet;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Snippets: saved commands in a searchable list, the editor on the right, copy and delete. */
public final class SnippetsPane {

    private final SnippetsViewModel model;
    private final StackPane root = new StackPane();
    private final ListView<VaultRecord> list = new ListView<>();
    private final TextField nameField = new TextField();

    public SnippetsPane(SnippetsViewModel model) {
        this.model = model;
        SplitPane split = new SplitPane(listSide(), editorSide());
        split.setDividerPositions(0.38);
        root.getChildren().add(split);
        root.sceneProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.refresh();
            }
        });
    }

    public Parent root() {
        return root;
    }

    private void startNew() {
        list.getSelectionModel().clearSelection();
        model.startNew();
        nameField.requestFocus();
    }

    private Node listSide() {
        TextField search = new TextField();
        search.setId("snippetSearch");
        search.setPromptText("Search snippets");
        search.textProperty().bindBidirectional(model.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button add = new Button(null, new FontIcon(Material2AL.ADD));
        add.setId("newSnippet");
        add.setTooltip(new Tooltip("New snippet"));
        add.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.ACCENT);
        add.setOnAction(e -> startNew());
        list.setId("snippetList");
        list.setItems(model.snippets());
        list.setPlaceholder(new Label("No snippets."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(VaultRecord record, boolean empty) {
                super.updateItem(record, empty);
                setText(null);
                if (empty || record == null || !(record.item() instanceof Snippet s)) {
                    setGraphic(null);
                    return;
                }
                Label name = new Label(s.name());
                name.getStyleClass().add(Styles.TEXT_BOLD);
                String first = s.command().lines().findFirst().orElse("");
                Label command = new Label(first + (s.command().lines().count() > 1 ? " ..." : ""));
                command.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                command.setStyle("-fx-font-family: monospace;");
                VBox text = new VBox(2, name, command);
                if (!s.tags().isEmpty()) {
                    Label tags = new Label("#" + String.join("  #", s.tags()));
                    tags.getStyleClass().addAll(Styles.ACCENT, Styles.TEXT_SMALL);
                    text.getChildren().add(tags);
                }
                setGraphic(new HBox(10, new FontIcon(Material2AL.CODE), text));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.edit(now);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && model.editingProperty().get() != null) {
                confirmDelete();
            } else if (Sheets.COPY.match(e) && model.editingProperty().get() != null) {
                model.copyCommand(null);
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox side = new VBox(8, new HBox(8, search, add), list);
        side.setPadding(new Insets(12));
        return side;
    }

    private Node editorSide() {
        nameField.setId("snippetName");
        nameField.textProperty().bindBidirectional(model.nameProperty());
        TextArea command = new TextArea();
        command.setId("snippetCommand");
        command.setPromptText("One or more lines, run as typed");
        command.setPrefRowCount(8);
        command.setStyle("-fx-font-family: monospace;");
        command.textProperty().bindBidirectional(model.commandProperty());
        TextField tags = new TextField();
        tags.setId("snippetTags");
        tags.setPromptText("e.g. deploy, logs");
        tags.textProperty().bindBidirectional(model.tagsProperty());

        GridPane grid = Sheets.formGrid();
        grid.add(new Label("Name"), 0, 0);
        grid.add(nameField, 1, 0);
        GridPane.setHgrow(nameField, Priority.ALWAYS);
        grid.add(small(Forms.message(model.nameErrorProperty(), Styles.DANGER)), 1, 1);
        HostsPane.markInvalid(nameField, model.nameErrorProperty());
        Label commandLabel = new Label("Command");
        grid.add(commandLabel, 0, 2);
        GridPane.setValignment(commandLabel, javafx.geometry.VPos.TOP);
        grid.add(command, 1, 2);
        GridPane.setHgrow(command, Priority.ALWAYS);
        grid.add(small(Forms.message(model.commandErrorProperty(), Styles.DANGER)), 1, 3);
        HostsPane.markInvalid(command, model.commandErrorProperty());
        grid.add(new Label("Tags"), 0, 4);
        grid.add(tags, 1, 4);

        Button save = new Button("Save", new FontIcon(Material2MZ.SAVE));
        save.setId("saveSnippet");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.validProperty().not());
        save.setOnAction(e -> model.save().ifPresent(saved -> model.snippets().stream()
                .filter(r -> r.id().equals(saved.id())).findFirst()
                .ifPresent(r -> list.getSelectionModel().select(r))));
        Button copy = new Button("Copy", new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("copySnippet");
        copy.disableProperty().bind(model.editingProperty().isNull());
        copy.setOnAction(e -> model.copyCommand(null));
        Button delete = new Button("Delete...", new FontIcon(Material2AL.DELETE));
        delete.setId("deleteSnippet");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(model.editingProperty().isNull());
        delete.setOnAction(e -> confirmDelete());
        Label status = new Label();
        status.setId("snippetStatus");
        status.textProperty().bind(model.statusProperty());

        VBox side = new VBox(12, Forms.title("Snippet"), grid, actions(new HBox(10, save, copy, delete, status)));
        side.setPadding(new Insets(16));
        return side;
    }

    private static Label small(Label label) {
        label.getStyleClass().add(Styles.TEXT_SMALL);
        return label;
    }

    private void confirmDelete() {
        VaultRecord record = model.editingProperty().get();
        if (record == null) {
            return;
        }
        Sheets.confirmDelete(root, "Delete snippet", "Delete the snippet " + ((Snippet) record.item()).name()
                + "? It cannot be undone.", "confirmDeleteSnippet", () -> {
                    list.getSelectionModel().clearSelection();
                    model.delete();
                });
    }

    private static HBox actions(HBox row) {
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.getChildren().forEach(n -> {
            if (n instanceof Button b) {
                b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });
        return row;
    }
}
