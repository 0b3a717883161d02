package dev.termvault.app.desktop.hosts;

import dev.termvault.app.core.hosts.HostField;
import dev.termvault.app.desktop.common.Forms;
import dev.termvault.app.desktop.common.Sheets;
import atlantafx.base.theme.Styles;
import dev.termvault.vault.model.AuthMethod;
import java.util.List;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.util.function.Consumer;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Hosts: a searchable list on the left, narrowed by group or tag and sorted by group, and the editor for the
 * selected (or a new) host on the right.
 */
public final class HostsPane {

    private final HostListViewModel list;
    private final HostEditorViewModel editor;
    private final TextField search = new TextField();
    private final TextField labelField = new TextField();
    private final ListView<VaultRecord> hostList = new ListView<>();
    private final StackPane root = new StackPane();
    private Consumer<Host> onConnect = host -> { };
    private HBox toolbar;

    public HostsPane(HostListViewModel list, HostEditorViewModel editor) {
        this.list = list;
        this.editor = editor;
        SplitPane split = new SplitPane(listSide(), editorSide());
        split.setDividerPositions(0.42);
        root.getChildren().add(split);
        root.sceneProperty().addListener((obs, old, now) -> {
            if (now != null) {
                list.refresh();
                editor.loadChoices();
            }
        });
    }

    public Parent root() {
        return root;
    }

    /** Clears the editor for a new host and puts the cursor in its label field. */
    public void newHost() {
        hostList.getSelectionModel().clearSelection();
        list.selectedProperty().set(null);
        editor.startNew();
        labelField.requestFocus();
    }

    /** What Connect (the button, a double-click or Enter on a host) does with the selected host. */
    public void setOnConnect(Consumer<Host> onConnect) {
        this.onConnect = onConnect;
    }

    /** Connects to the selected host, if any. */
    public void connectSelected() {
        VaultRecord selected = hostList.getSelectionModel().getSelectedItem();
        if (selected != null && selected.item() instanceof Host host) {
            onConnect.accept(host);
        }
    }

    public void focusSearch() {
        search.requestFocus();
    }

    /** Reads the host list again (after an import). */
    public void refreshHosts() {
        list.refresh();
    }

    /** Adds the import button (the import wizard) to the toolbar above the list. */
    public void setOnImport(Runnable openImport) {
        Button importButton = new Button(null, new FontIcon(Material2AL.GET_APP));
        importButton.setId("importHosts");
        importButton.getStyleClass().add(Styles.BUTTON_ICON);
        importButton.setTooltip(new javafx.scene.control.Tooltip("Import from OpenSSH (Ctrl+I)"));
        importButton.setOnAction(e -> openImport.run());
        toolbar.getChildren().add(importButton);
    }

    private Node listSide() {
        search.setId("hostSearch");
        search.setPromptText("Search hosts (Ctrl+F)");
        search.textProperty().bindBidirectional(list.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button add = new Button(null, new FontIcon(Material2AL.ADD));
        add.setId("newHost");
        add.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.ACCENT);
        add.setOnAction(e -> newHost());

        ListView<VaultRecord> hosts = hostList;
        hosts.setItems(list.hosts());
        hosts.setId("hostList");
        hosts.setCellFactory(v -> new HostCell(list));
        hosts.setPlaceholder(new Label("No hosts match."));
        hosts.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            list.selectedProperty().set(now);
            if (now != null) {
                editor.edit(now);
            }
        });
        hosts.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                connectSelected();
            }
        });
        hosts.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                connectSelected();
                e.consume();
            }
        });
        Button connect = new Button("Connect", new FontIcon(Material2MZ.PLAY_ARROW));
        connect.setId("connectHost");
        connect.disableProperty().bind(hosts.getSelectionModel().selectedItemProperty().isNull());
        connect.setOnAction(e -> connectSelected());
        connect.setMinWidth(Region.USE_PREF_SIZE);
        connect.setTooltip(new Tooltip("Connect (Enter or double-click)"));
        VBox.setVgrow(hosts, Priority.ALWAYS);
        ComboBox<HostFilter> filter = new ComboBox<>(list.filters());
        filter.setId("hostFilter");
        filter.setTooltip(new Tooltip("Show one group or one tag"));
        filter.setMaxWidth(Double.MAX_VALUE);
        filter.valueProperty().bindBidirectional(list.filterProperty());
        toolbar = new HBox(8, search, add, connect);
        VBox side = new VBox(8, toolbar, filter, hosts);
        side.setPadding(new Insets(12));
        return side;
    }

    private Node editorSide() {
        labelField.setId("hostLabel");
        labelField.textProperty().bindBidirectional(editor.labelProperty());
        TextField hostname = new TextField();
        hostname.setId("hostHostname");
        hostname.textProperty().bindBidirectional(editor.hostnameProperty());
        TextField port = new TextField();
        port.setId("hostPort");
        port.setPrefColumnCount(6);
        port.textProperty().bindBidirectional(editor.portProperty());
        TextField user = new TextField();
        user.setId("hostUser");
        user.setPromptText("asked when connecting");
        user.textProperty().bindBidirectional(editor.usernameProperty());

        GridPane grid = Sheets.formGrid();
        row(grid, 0, "Label", labelField, editor.errorProperty(HostField.LABEL));
        row(grid, 2, "Hostname", hostname, editor.errorProperty(HostField.HOSTNAME));
        row(grid, 4, "Port", port, editor.errorProperty(HostField.PORT));
        row(grid, 6, "User", user, null);

        ComboBox<AuthMethod> auth = new ComboBox<>();
        auth.setId("hostAuth");
        auth.getItems().setAll(AuthMethod.values());
        auth.setConverter(converter(HostsPane::authName));
        auth.valueProperty().bindBidirectional(editor.authProperty());
        auth.setMaxWidth(Double.MAX_VALUE);
        row(grid, 8, "Log in", auth, editor.errorProperty(HostField.AUTH));
        ComboBox<RecordChoice> key = choice("hostKey", editor.keyChoices(), "No key");
        key.valueProperty().bindBidirectional(editor.keyProperty());
        Label keyLabel = new Label("SSH key");
        grid.add(keyLabel, 0, 10);
        grid.add(withClear(key), 1, 10);
        ComboBox<RecordChoice> credential = choice("hostCredential", editor.credentialChoices(), "No password");
        credential.valueProperty().bindBidirectional(editor.credentialProperty());
        Label credentialLabel = new Label("Password");
        grid.add(credentialLabel, 0, 11);
        grid.add(withClear(credential), 1, 11);
        showFor(editor, AuthMethod.KEY, keyLabel, key.getParent());
        showFor(editor, AuthMethod.PASSWORD, credentialLabel, credential.getParent());

        grid.add(new Label("Jump hosts"), 0, 12);
        grid.add(jumpHosts(), 1, 12);
        TextArea forwards = new TextArea();
        forwards.setId("hostForwards");
        forwards.setPrefRowCount(3);
        forwards.setPromptText("-L 8080:localhost:80");
        forwards.setStyle("-fx-font-family: monospace;");
        forwards.textProperty().bindBidirectional(editor.forwardsProperty());
        row(grid, 13, "Forwards", forwards, editor.errorProperty(HostField.FORWARDS));
        Label forwardsHint = Forms.hint("One per line, as ssh takes them: -L [bind:]port:host:port,"
                + " -R [bind:]port:host:port, -D [bind:]port.");
        forwardsHint.getStyleClass().add(Styles.TEXT_SMALL);
        grid.add(forwardsHint, 1, 15);
        GridPane.setValignment(forwardsHint, javafx.geometry.VPos.TOP);
        TextField tags = new TextField();
        tags.setId("hostTags");
        tags.setPromptText("e.g. prod, web");
        tags.textProperty().bindBidirectional(editor.tagsProperty());
        row(grid, 16, "Tags", tags, editor.errorProperty(HostField.TAGS));
        ComboBox<String> group = new ComboBox<>(editor.groupNames());
        group.setId("hostGroup");
        group.setEditable(true);
        group.setPromptText("No group (type a new name to make one)");
        group.setMaxWidth(Double.MAX_VALUE);
        group.getEditor().textProperty().bindBidirectional(editor.groupProperty());
        row(grid, 18, "Group", group, null);
        TextArea notes = new TextArea();
        notes.setId("hostNotes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(editor.notesProperty());
        row(grid, 20, "Notes", notes, null);

        Button save = new Button("Save", new FontIcon(Material2MZ.SAVE));
        save.setId("saveHost");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(editor.validProperty().not());
        save.setOnAction(e -> editor.save().ifPresent(saved -> {
            list.refresh();
            list.hosts().stream().filter(r -> r.id().equals(saved.id())).findFirst()
                    .ifPresent(r -> list.selectedProperty().set(r));
        }));
        Button delete = new Button("Delete...", new FontIcon(Material2AL.DELETE));
        delete.setId("deleteHost");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(editor.editingProperty().isNull());
        delete.setOnAction(e -> confirmDelete());
        Label status = new Label();
        status.setId("hostStatus");
        status.textProperty().bind(editor.statusProperty());

        grid.setPadding(new Insets(0, 12, 0, 0));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setId("hostEditorScroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: -color-bg-default;");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Forms.scrollToFocused(scroll);
        save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        delete.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox actions = new HBox(10, save, delete, status);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox side = new VBox(12, Forms.title("Host"), scroll, actions);
        side.setPadding(new Insets(16));
        return side;
    }

    private Node jumpHosts() {
        ListView<RecordChoice> chosen = new ListView<>(editor.jumpHosts());
        chosen.setId("hostJumps");
        chosen.setPrefHeight(58);
        chosen.setPlaceholder(new Label("Direct connection"));
        ComboBox<RecordChoice> candidates = choice("hostJumpChoice", editor.jumpChoices(), "Add a host to jump through");
        candidates.setOnAction(e -> {
            RecordChoice picked = candidates.getValue();
            if (picked != null) {
                editor.addJumpHost(picked);
                javafx.application.Platform.runLater(() -> candidates.setValue(null));
            }
        });
        Button remove = new Button(null, new FontIcon(Material2AL.CLEAR));
        remove.setId("hostJumpRemove");
        remove.setTooltip(new Tooltip("Remove the selected hop"));
        remove.getStyleClass().add(Styles.BUTTON_ICON);
        remove.disableProperty().bind(chosen.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> editor.removeJumpHost(chosen.getSelectionModel().getSelectedItem()));
        HBox.setHgrow(candidates, Priority.ALWAYS);
        Label error = Forms.message(editor.errorProperty(HostField.JUMP_HOSTS), Styles.DANGER);
        error.getStyleClass().add(Styles.TEXT_SMALL);
        markInvalid(chosen, editor.errorProperty(HostField.JUMP_HOSTS));
        return new VBox(4, chosen, new HBox(6, candidates, remove), error);
    }

    private static ComboBox<RecordChoice> choice(String id, javafx.collections.ObservableList<RecordChoice> items,
            String prompt) {
        ComboBox<RecordChoice> box = new ComboBox<>(items);
        box.setId(id);
        box.setPromptText(prompt);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(RecordChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? prompt : item.name());
            }
        });
        return box;
    }

    private static Node withClear(ComboBox<RecordChoice> box) {
        Button clear = new Button(null, new FontIcon(Material2AL.CLEAR));
        clear.setTooltip(new Tooltip("None"));
        clear.getStyleClass().add(Styles.BUTTON_ICON);
        clear.disableProperty().bind(box.valueProperty().isNull());
        clear.setOnAction(e -> box.setValue(null));
        HBox.setHgrow(box, Priority.ALWAYS);
        return new HBox(6, box, clear);
    }

    /** Shows the nodes when the chosen way to log in can use them (automatic, or exactly {@code method}). */
    private static void showFor(HostEditorViewModel editor, AuthMethod method, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(editor.authProperty().isEqualTo(method)
                    .or(editor.authProperty().isEqualTo(AuthMethod.AUTO)));
            node.managedProperty().bind(node.visibleProperty());
        }
    }

    /** What the editor calls each way to log in. */
    static String authName(AuthMethod method) {
        return switch (method) {
            case AUTO -> "Automatic (key, then password, then prompts)";
            case KEY -> "SSH key";
            case PASSWORD -> "Saved password";
            case KEYBOARD_INTERACTIVE -> "Ask me (keyboard-interactive)";
        };
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }

    private void confirmDelete() {
        VaultRecord record = editor.editingProperty().get();
        if (record == null) {
            return;
        }
        List<String> jumping = editor.hostsJumpingThrough();
        String message = "Delete the host " + ((Host) record.item()).label() + "? It cannot be undone.";
        if (!jumping.isEmpty()) {
            message += "\n\nThese hosts jump through it and will connect without that hop: "
                    + String.join(", ", jumping) + ".";
        }
        Sheets.confirmDelete(root, "Delete host", message, "confirmDeleteHost", () -> {
            hostList.getSelectionModel().clearSelection();
            list.selectedProperty().set(null);
            editor.delete();
            list.refresh();
        });
    }

    private static void row(GridPane grid, int row, String name, Control field, ObservableStringValue error) {
        Label label = new Label(name);
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        GridPane.setHgrow(field, Priority.ALWAYS);
        if (field instanceof TextArea) {
            GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        }
        if (error != null) {
            Label message = Forms.message(error, Styles.DANGER);
            message.getStyleClass().add(Styles.TEXT_SMALL);
            grid.add(message, 1, row + 1);
            markInvalid(field, error);
        }
    }

    /** Marks {@code field} in the danger colour while {@code error} is not empty. */
    public static void markInvalid(Node field, ObservableStringValue error) {
        field.pseudoClassStateChanged(Styles.STATE_DANGER, !error.get().isEmpty());
        error.addListener((obs, old, now) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
    }
}
