package dev.termvault.app.desktop.hosts;

import atlantafx.base.theme.Styles;
import dev.termvault.app.desktop.common.Controls;
import dev.termvault.app.desktop.common.FormRows;
import dev.termvault.app.desktop.common.Sheets;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
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
    private final HostForm form;
    private final TextField search = new TextField();
    private final ListView<VaultRecord> hostList = new ListView<>();
    private final StackPane root = new StackPane();
    private Consumer<Host> onConnect = host -> { };
    private HBox toolbar;

    public HostsPane(HostListViewModel list, HostEditorViewModel editor) {
        this.list = list;
        this.editor = editor;
        this.form = new HostForm(editor);
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
        form.focusLabel();
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
        Controls.search(search, "hostSearch", "Search hosts (Ctrl+F)", list.queryProperty());
        Button add = new Button(null, new FontIcon(Material2AL.ADD));
        add.setId("newHost");
        add.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.ACCENT);
        add.setOnAction(e -> newHost());
        Button connect = new Button("Connect", new FontIcon(Material2MZ.PLAY_ARROW));
        connect.setId("connectHost");
        connect.disableProperty().bind(hostList.getSelectionModel().selectedItemProperty().isNull());
        connect.setOnAction(e -> connectSelected());
        connect.setMinWidth(Region.USE_PREF_SIZE);
        connect.setTooltip(new Tooltip("Connect (Enter or double-click)"));
        ComboBox<HostFilter> filter = new ComboBox<>(list.filters());
        filter.setId("hostFilter");
        filter.setTooltip(new Tooltip("Show one group or one tag"));
        filter.setMaxWidth(Double.MAX_VALUE);
        filter.valueProperty().bindBidirectional(list.filterProperty());
        toolbar = new HBox(8, search, add, connect);
        VBox side = new VBox(8, toolbar, filter, setUpList());
        side.setPadding(new Insets(12));
        return side;
    }

    /** The list of hosts: selecting one edits it; a double-click or Enter connects to it. */
    private ListView<VaultRecord> setUpList() {
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
        VBox.setVgrow(hosts, Priority.ALWAYS);
        return hosts;
    }

    private Node editorSide() {
        Button save = Controls.saveButton("saveHost", editor.validProperty());
        save.setOnAction(e -> editor.save().ifPresent(saved -> {
            list.refresh();
            list.hosts().stream().filter(r -> r.id().equals(saved.id())).findFirst()
                    .ifPresent(r -> list.selectedProperty().set(r));
        }));
        Button delete = Controls.deleteButton("deleteHost", this::confirmDelete);
        delete.disableProperty().bind(editor.editingProperty().isNull());
        return Controls.titled("Host", form.scrolling(),
                Controls.actionRow(10, save, delete, Controls.status("hostStatus", editor.statusProperty())));
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

    /** Marks {@code field} in the danger colour while {@code error} is not empty (see {@link FormRows}). */
    public static void markInvalid(Node field, ObservableStringValue error) {
        FormRows.markInvalid(field, error);
    }
}
