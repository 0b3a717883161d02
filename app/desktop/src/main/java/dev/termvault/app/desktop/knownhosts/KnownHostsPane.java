package dev.termvault.app.desktop.knownhosts;

import dev.termvault.app.core.knownhosts.KnownHostRow;
import dev.termvault.app.desktop.common.Controls;
import dev.termvault.app.desktop.common.Sheets;
import dev.termvault.app.desktop.common.Tables;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

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
        TextField search = Controls.search("knownHostSearch", "Search host, key type or fingerprint",
                model.queryProperty());
        Button delete = Controls.deleteButton("deleteKnownHost", () -> confirmDelete(model.selectedProperty().get()));
        delete.disableProperty().bind(model.selectedProperty().isNull());
        return Controls.titled("Known hosts", search, table(), Controls.actionRow(10, delete,
                Controls.mutedStatus("knownHostStatus", model.statusProperty())));
    }

    private TableView<KnownHostRow> table() {
        Tables.records(table, "knownHostTable", model.rows(),
                "No host keys accepted yet: they are added when you connect.");
        table.getColumns().setAll(List.of(hostColumn(),
                Tables.<KnownHostRow>column("Port", 50, r -> Integer.toString(r.port())),
                Tables.column("Type", 86, KnownHostRow::typeLabel),
                Tables.<KnownHostRow>column("Added", 96, r -> r.addedText(zone)),
                Tables.monospace(Tables.column("Fingerprint (SHA256)", 340, KnownHostRow::fingerprint))));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty()
                .set(now));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                confirmDelete(model.selectedProperty().get());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    /** The host column: a hashed name in muted italics (with why), a revoked key in red and marked so. */
    private static TableColumn<KnownHostRow, String> hostColumn() {
        TableColumn<KnownHostRow, String> host = Tables.column("Host", 150, KnownHostRow::host);
        host.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                KnownHostRow row = empty ? null : getTableRow().getItem();
                setText(empty || text == null ? null : text + (row != null && row.revoked() ? "  (revoked)" : ""));
                setStyle(null);
                setTooltip(null);
                if (row != null && row.hashed()) {
                    setStyle("-fx-font-style: italic; -fx-text-fill: -color-fg-muted;");
                    setTooltip(new Tooltip("The name is stored hashed (as ssh's HashKnownHosts does): it matches"
                            + " when you connect, but cannot be shown."));
                } else if (row != null && row.revoked()) {
                    setStyle("-fx-text-fill: -color-danger-fg;");
                }
            }
        });
        return host;
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
