package dev.termvault.app.desktop.credentials;

import dev.termvault.app.desktop.common.Forms;
import dev.termvault.app.desktop.common.Sheets;
import dev.termvault.app.desktop.hosts.HostsPane;
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
        TextField search = new TextField();
        search.setId("credentialSearch");
        search.setPromptText("Search names and usernames");
        search.textProperty().bindBidirectional(model.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button add = new Button(null, new FontIcon(Material2AL.ADD));
        add.setId("newCredential");
        add.setTooltip(new Tooltip("New credential"));
        add.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.ACCENT);
        add.setOnAction(e -> startNew());
        list.setId("credentialList");
        list.setItems(model.credentials());
        list.setPlaceholder(new Label("No saved passwords."));
        list.setCellFactory(v -> new ListCell<>() {
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
        PasswordField hidden = new PasswordField();
        hidden.setId("credentialPassword");
        hidden.textProperty().bindBidirectional(model.passwordProperty());
        TextField shown = new TextField();
        shown.setId("credentialPasswordShown");
        shown.textProperty().bindBidirectional(model.passwordProperty());
        shown.visibleProperty().bind(model.revealProperty());
        shown.managedProperty().bind(shown.visibleProperty());
        hidden.visibleProperty().bind(model.revealProperty().not());
        hidden.managedProperty().bind(hidden.visibleProperty());
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

        GridPane grid = Sheets.formGrid();
        grid.add(new Label("Name"), 0, 0);
        grid.add(nameField, 1, 0);
        GridPane.setHgrow(nameField, Priority.ALWAYS);
        Label nameError = Forms.message(model.nameErrorProperty(), Styles.DANGER);
        nameError.getStyleClass().add(Styles.TEXT_SMALL);
        grid.add(nameError, 1, 1);
        HostsPane.markInvalid(nameField, model.nameErrorProperty());
        grid.add(new Label("Username"), 0, 2);
        grid.add(user, 1, 2);
        grid.add(new Label("Password"), 0, 3);
        grid.add(new HBox(6, hidden, shown, reveal, copy), 1, 3);

        Button save = new Button("Save", new FontIcon(Material2MZ.SAVE));
        save.setId("saveCredential");
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.validProperty().not());
        save.setOnAction(e -> model.save().ifPresent(saved -> model.credentials().stream()
                .filter(r -> r.id().equals(saved.id())).findFirst()
                .ifPresent(r -> list.getSelectionModel().select(r))));
        Button delete = new Button("Delete...", new FontIcon(Material2AL.DELETE));
        delete.setId("deleteCredential");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(model.editingProperty().isNull());
        delete.setOnAction(e -> confirmDelete());
        Label status = new Label();
        status.setId("credentialStatus");
        status.textProperty().bind(model.statusProperty());

        VBox side = new VBox(12, Forms.title("Credential"), grid, actions(new HBox(10, save, delete, status)),
                Forms.hint("Passwords are copied to the clipboard; search never looks at them."));
        side.setPadding(new Insets(16));
        return side;
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
