package dev.termvault.app.desktop.hosts;

import atlantafx.base.theme.Styles;
import dev.termvault.app.core.hosts.HostField;
import dev.termvault.app.desktop.common.Controls;
import dev.termvault.app.desktop.common.FormRows;
import dev.termvault.app.desktop.common.Forms;
import dev.termvault.app.desktop.common.Sheets;
import dev.termvault.vault.model.AuthMethod;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The fields of the host editor, bound to its view model, in four groups of rows: where to connect, how to log
 * in, the route (jump hosts and forwards), and how the host is filed (tags, group, notes).
 */
final class HostForm {

    private final HostEditorViewModel editor;
    private final TextField label = new TextField();
    private final GridPane grid = Sheets.formGrid();

    HostForm(HostEditorViewModel editor) {
        this.editor = editor;
        connectionRows();
        loginRows();
        routeRows();
        filingRows();
        grid.setPadding(new Insets(0, 12, 0, 0));
    }

    /** The form in a scroll pane that grows with the editor and keeps the focused field in view. */
    ScrollPane scrolling() {
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setId("hostEditorScroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: -color-bg-default;");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Forms.scrollToFocused(scroll);
        return scroll;
    }

    /** Puts the cursor in the label field. */
    void focusLabel() {
        label.requestFocus();
    }

    private void connectionRows() {
        label.setId("hostLabel");
        label.textProperty().bindBidirectional(editor.labelProperty());
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
        FormRows.add(grid, 0, "Label", label, editor.errorProperty(HostField.LABEL));
        FormRows.add(grid, 2, "Hostname", hostname, editor.errorProperty(HostField.HOSTNAME));
        FormRows.add(grid, 4, "Port", port, editor.errorProperty(HostField.PORT));
        FormRows.add(grid, 6, "User", user, null);
    }

    /** The way to log in, and the key and saved password it may use (shown only when it can use them). */
    private void loginRows() {
        ComboBox<AuthMethod> auth = new ComboBox<>();
        auth.setId("hostAuth");
        auth.getItems().setAll(AuthMethod.values());
        auth.setConverter(Controls.display(HostForm::authName));
        auth.valueProperty().bindBidirectional(editor.authProperty());
        auth.setMaxWidth(Double.MAX_VALUE);
        FormRows.add(grid, 8, "Log in", auth, editor.errorProperty(HostField.AUTH));
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
        showFor(AuthMethod.KEY, keyLabel, key.getParent());
        showFor(AuthMethod.PASSWORD, credentialLabel, credential.getParent());
    }

    private void routeRows() {
        grid.add(new Label("Jump hosts"), 0, 12);
        grid.add(jumpHosts(), 1, 12);
        TextArea forwards = new TextArea();
        forwards.setId("hostForwards");
        forwards.setPrefRowCount(3);
        forwards.setPromptText("-L 8080:localhost:80");
        forwards.setStyle("-fx-font-family: monospace;");
        forwards.textProperty().bindBidirectional(editor.forwardsProperty());
        FormRows.add(grid, 13, "Forwards", forwards, editor.errorProperty(HostField.FORWARDS));
        Label forwardsHint = Forms.hint("One per line, as ssh takes them: -L [bind:]port:host:port,"
                + " -R [bind:]port:host:port, -D [bind:]port.");
        forwardsHint.getStyleClass().add(Styles.TEXT_SMALL);
        grid.add(forwardsHint, 1, 15);
        GridPane.setValignment(forwardsHint, VPos.TOP);
    }

    private void filingRows() {
        TextField tags = new TextField();
        tags.setId("hostTags");
        tags.setPromptText("e.g. prod, web");
        tags.textProperty().bindBidirectional(editor.tagsProperty());
        FormRows.add(grid, 16, "Tags", tags, editor.errorProperty(HostField.TAGS));
        ComboBox<String> group = new ComboBox<>(editor.groupNames());
        group.setId("hostGroup");
        group.setEditable(true);
        group.setPromptText("No group (type a new name to make one)");
        group.setMaxWidth(Double.MAX_VALUE);
        group.getEditor().textProperty().bindBidirectional(editor.groupProperty());
        FormRows.add(grid, 18, "Group", group, null);
        TextArea notes = new TextArea();
        notes.setId("hostNotes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(editor.notesProperty());
        FormRows.add(grid, 20, "Notes", notes, null);
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
                Platform.runLater(() -> candidates.setValue(null));
            }
        });
        Button remove = new Button(null, new FontIcon(Material2AL.CLEAR));
        remove.setId("hostJumpRemove");
        remove.setTooltip(new Tooltip("Remove the selected hop"));
        remove.getStyleClass().add(Styles.BUTTON_ICON);
        remove.disableProperty().bind(chosen.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> editor.removeJumpHost(chosen.getSelectionModel().getSelectedItem()));
        HBox.setHgrow(candidates, Priority.ALWAYS);
        Label error = FormRows.error(editor.errorProperty(HostField.JUMP_HOSTS));
        FormRows.markInvalid(chosen, editor.errorProperty(HostField.JUMP_HOSTS));
        return new VBox(4, chosen, new HBox(6, candidates, remove), error);
    }

    private static ComboBox<RecordChoice> choice(String id, ObservableList<RecordChoice> items, String prompt) {
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
    private void showFor(AuthMethod method, Node... nodes) {
        Controls.shownWhen(editor.authProperty().isEqualTo(method)
                .or(editor.authProperty().isEqualTo(AuthMethod.AUTO)), nodes);
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
}
