package dev.termvault.app.gui.view;

import atlantafx.base.theme.Styles;
import dev.termvault.app.gui.model.HostEditorViewModel;
import dev.termvault.app.gui.model.HostListViewModel;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Hosts: a searchable list on the left, the editor for the selected (or a new) host on the right. */
public final class HostsPane {

    private final HostListViewModel list;
    private final HostEditorViewModel editor;
    private final TextField search = new TextField();
    private final TextField labelField = new TextField();
    private final ListView<VaultRecord> hostList = new ListView<>();
    private final SplitPane root;
    private HBox toolbar;

    public HostsPane(HostListViewModel list, HostEditorViewModel editor) {
        this.list = list;
        this.editor = editor;
        root = new SplitPane(listSide(), editorSide());
        root.setDividerPositions(0.42);
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
        hosts.setCellFactory(v -> new HostCell());
        hosts.setPlaceholder(new Label("No hosts match."));
        hosts.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            list.selectedProperty().set(now);
            if (now != null) {
                editor.edit(now);
            }
        });
        VBox.setVgrow(hosts, Priority.ALWAYS);
        toolbar = new HBox(8, search, add);
        VBox side = new VBox(8, toolbar, hosts);
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

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        row(grid, 0, "Label", labelField, editor.labelErrorProperty());
        row(grid, 2, "Hostname", hostname, editor.hostnameErrorProperty());
        row(grid, 4, "Port", port, editor.portErrorProperty());
        row(grid, 6, "User", user, null);

        Button save = new Button("Save", new FontIcon(Material2MZ.SAVE));
        save.setId("saveHost");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(editor.validProperty().not());
        save.setOnAction(e -> editor.save().ifPresent(saved -> {
            list.refresh();
            list.hosts().stream().filter(r -> r.id().equals(saved.id())).findFirst()
                    .ifPresent(r -> list.selectedProperty().set(r));
        }));
        Label status = new Label();
        status.setId("hostStatus");
        status.textProperty().bind(editor.statusProperty());

        VBox side = new VBox(12, Forms.title("Host"), grid, new HBox(10, save, status));
        side.setPadding(new Insets(16));
        return side;
    }

    private static void row(GridPane grid, int row, String name, TextField field, ObservableStringValue error) {
        grid.add(new Label(name), 0, row);
        grid.add(field, 1, row);
        GridPane.setHgrow(field, Priority.ALWAYS);
        if (error != null) {
            Label message = Forms.message(error, Styles.DANGER);
            message.getStyleClass().add(Styles.TEXT_SMALL);
            grid.add(message, 1, row + 1);
            field.pseudoClassStateChanged(Styles.STATE_DANGER, !error.get().isEmpty());
            error.addListener((obs, old, now) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
        }
    }

    /** One row of the list; its nodes are made once and reused as the list scrolls and filters. */
    private static final class HostCell extends ListCell<VaultRecord> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final HBox row;

        HostCell() {
            name.getStyleClass().add(Styles.TEXT_BOLD);
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            row = new HBox(10, new FontIcon(Material2MZ.STORAGE), new VBox(2, name, detail));
        }

        @Override
        protected void updateItem(VaultRecord record, boolean empty) {
            super.updateItem(record, empty);
            setText(null);
            if (empty || record == null || !(record.item() instanceof Host host)) {
                setGraphic(null);
                return;
            }
            name.setText(host.label());
            detail.setText((host.username() == null ? "" : host.username() + "@") + host.hostname()
                    + (host.port() == 22 ? "" : ":" + host.port()));
            setGraphic(row);
        }
    }
}
