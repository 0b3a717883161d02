package dev.termvault.app.gui.view;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.termvault.app.gui.model.KnownHostRow;
import dev.termvault.app.gui.model.KnownHostsViewModel;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** Known hosts: the host keys accepted so far, with search and delete. */
public final class KnownHostsPane {

    private final KnownHostsViewModel model;
    private final ZoneId zone;
    private final StackPane root = new StackPane();
    private final TableView<KnownHostRow> table = new TableView<>();

    public KnownHostsPane(KnownHostsViewModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
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
        search.setId("knownHostSearch");
        search.setPromptText("Search host, key type or fingerprint");
        search.textProperty().bindBidirectional(model.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);

        table.setId("knownHostTable");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("No host keys accepted yet: they are added when you connect."));
        table.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<KnownHostRow, String> host = column("Host", 200, KnownHostRow::host);
        host.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                KnownHostRow row = empty ? null : getTableRow().getItem();
                setText(empty || text == null ? null : text + (row != null && row.revoked() ? "  (revoked)" : ""));
                getStyleClass().removeAll(Styles.TEXT_MUTED, Styles.DANGER);
                setTooltip(null);
                if (row != null && row.hashed()) {
                    getStyleClass().add(Styles.TEXT_MUTED);
                    setTooltip(new Tooltip("The name is stored hashed (as ssh's HashKnownHosts does): it matches"
                            + " when you connect, but cannot be shown."));
                } else if (row != null && row.revoked()) {
                    getStyleClass().add(Styles.DANGER);
                }
            }
        });
        table.getColumns().setAll(List.of(host,
                column("Port", 60, r -> Integer.toString(r.port())),
                column("Key type", 150, KnownHostRow::keyType),
                column("Added", 130, r -> r.addedText(zone)),
                column("Fingerprint (SHA256)", 330, KnownHostRow::fingerprint)));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty()
                .set(now));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                confirmDelete(model.selectedProperty().get());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Button delete = new Button("Delete...", new FontIcon(Material2AL.DELETE));
        delete.setId("deleteKnownHost");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(model.selectedProperty().isNull());
        delete.setOnAction(e -> confirmDelete(model.selectedProperty().get()));
        Label status = new Label();
        status.setId("knownHostStatus");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());

        VBox box = new VBox(12, Forms.title("Known hosts"), search, table, new HBox(10, delete, status));
        box.setPadding(new Insets(16));
        return box;
    }

    private static TableColumn<KnownHostRow, String> column(String name, double width,
            Function<KnownHostRow, String> value) {
        TableColumn<KnownHostRow, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private void confirmDelete(KnownHostRow row) {
        if (row == null) {
            return;
        }
        Sheets.confirmDelete(root, "Delete host key", "Delete the " + row.keyType() + " key of "
                + row.hostAndPort() + " (" + row.fingerprint() + ")?\n\nThe next connection to this host shows its"
                + " key again and asks whether to trust it.", "confirmDeleteKnownHost", () -> model.delete(row));
    }
}
