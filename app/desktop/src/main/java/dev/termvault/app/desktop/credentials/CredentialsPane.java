package dev.termvault.app.desktop.credentials;

import dev.termvault.app.desktop.common.Controls;
import dev.termvault.app.desktop.common.FormRows;
import dev.termvault.app.desktop.common.Forms;
import dev.termvault.app.desktop.common.Sheets;
import atlantafx.base.theme.Styles;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Credential;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
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

/** Credentials: saved passwords in a searchable list, the editor on the right, copy and delete. */
public final class CredentialsPane {

    private final CredentialsViewModel model;
    private final StackPane root = new StackPane();
    private final ListView<VaultRecord> list = new ListView<>();
    private final TextField nameField = new TextField();

    public CredentialsPane(CredentialsViewModel model) {
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
        TextField search = Controls.search("credentialSearch", "Search names and usernames", model.queryProperty());
        Button add = new Button(null, new FontIcon(Material2AL.ADD));
        add.setId("newCredential");
        add.setTooltip(new Tooltip("New credential"));
        add.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.ACCENT);
        add.setOnAction(e -> startNew());
        list.setId("credentialList");
        list.setItems(model.credentials());
        list.setPlaceholder(new Label("No saved passwords."));
        list.setCellFactory(v -> new CredentialCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.edit(now);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && model.editingProperty().get() != null) {
                confirmDelete();
            } else if (Sheets.COPY.match(e) && model.editingProperty().get() != null) {
                model.copyPassword(null);
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox side = new VBox(8, new HBox(8, search, add), list);
        side.setPadding(new Insets(12));
        return side;
    }

    private Node editorSide() {
        nameField.setId("credentialName");
        nameField.textProperty().bindBidirectional(model.nameProperty());
        TextField user = new TextField();
        user.setId("credentialUser");
        user.textProperty().bindBidirectional(model.usernameProperty());
        GridPane grid = Sheets.formGrid();
        FormRows.add(grid, 0, "Name", nameField, model.nameErrorProperty());
        grid.add(new Label("Username"), 0, 2);
        grid.add(user, 1, 2);
        grid.add(new Label("Password"), 0, 3);
        grid.add(passwordRow(), 1, 3);
        return Controls.titled("Credential", grid, editorActions(),
                Forms.hint("Passwords are copied to the clipboard; search never looks at them."));
    }

    /** The password, hidden or shown, with the buttons that show and copy it. */
    private Node passwordRow() {
        PasswordField hidden = new PasswordField();
        hidden.setId("credentialPassword");
        hidden.textProperty().bindBidirectional(model.passwordProperty());
        TextField shown = new TextField();
        shown.setId("credentialPasswordShown");
        shown.textProperty().bindBidirectional(model.passwordProperty());
        Controls.shownWhen(model.revealProperty(), shown);
        Controls.shownWhen(model.revealProperty().not(), hidden);
        HBox.setHgrow(hidden, Priority.ALWAYS);
        HBox.setHgrow(shown, Priority.ALWAYS);
        ToggleButton reveal = new ToggleButton(null, new FontIcon(Material2MZ.VISIBILITY));
        reveal.setId("revealPassword");
        reveal.setTooltip(new Tooltip("Show the password"));
        reveal.getStyleClass().add(Styles.BUTTON_ICON);
        reveal.selectedProperty().bindBidirectional(model.revealProperty());
        Button copy = new Button(null, new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("copyPassword");
        copy.setTooltip(new Tooltip("Copy the password"));
        copy.getStyleClass().add(Styles.BUTTON_ICON);
        copy.disableProperty().bind(model.editingProperty().isNull());
        copy.setOnAction(e -> model.copyPassword(null));
        return new HBox(6, hidden, shown, reveal, copy);
    }

    private Node editorActions() {
        Button save = Controls.saveButton("saveCredential", model.validProperty());
        save.setDefaultButton(true);
        save.setOnAction(e -> model.save().ifPresent(saved -> model.credentials().stream()
                .filter(r -> r.id().equals(saved.id())).findFirst()
                .ifPresent(r -> list.getSelectionModel().select(r))));
        Button delete = Controls.deleteButton("deleteCredential", this::confirmDelete);
        delete.disableProperty().bind(model.editingProperty().isNull());
        return Controls.actionRow(10, save, delete, Controls.status("credentialStatus", model.statusProperty()));
    }

    private void confirmDelete() {
        VaultRecord record = model.editingProperty().get();
        if (record == null) {
            return;
        }
        List<String> hosts = model.hostsUsing(record);
        String message = "Delete the credential " + ((Credential) record.item()).name() + "? It cannot be undone.";
        if (!hosts.isEmpty()) {
            message += "\n\nThese hosts log in with it and will be unlinked from it (give them another before"
                    + " connecting): " + String.join(", ", hosts) + ".";
        }
        Sheets.confirmDelete(root, "Delete credential", message, "confirmDeleteCredential", () -> {
            list.getSelectionModel().clearSelection();
            model.delete();
        });
    }

    /** A saved password in the list: its name, and its username beneath in small muted text. */
    private static final class CredentialCell extends ListCell<VaultRecord> {
        @Override
        protected void updateItem(VaultRecord record, boolean empty) {
            super.updateItem(record, empty);
            setText(null);
            if (empty || record == null || !(record.item() instanceof Credential c)) {
                setGraphic(null);
                return;
            }
            Label name = new Label(c.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label user = new Label(c.username() == null ? "no username" : c.username());
            user.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            setGraphic(new HBox(10, new FontIcon(Material2AL.ACCOUNT_BOX), new VBox(2, name, user)));
        }
    }
}
