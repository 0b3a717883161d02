package dev.termvault.app.desktop.knownhosts;

import dev.termvault.app.core.knownhosts.KnownHostRow;
import dev.termvault.app.desktop.common.Forms;
import dev.termvault.app.desktop.common.Sheets;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
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
        TableColumn<KnownHostRow, String> host = column("Host", 150, KnownHostRow::host);
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
        table.getColumns().setAll(List.of(host,
                column("Port", 50, r -> Integer.toString(r.port())),
                column("Type", 86, KnownHostRow::typeLabel),
                column("Added", 96, r -> r.addedText(zone)),
                monospace(column("Fingerprint (SHA256)", 340, KnownHostRow::fingerprint))));
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
        delete.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("knownHostStatus");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());

        HBox actions = new HBox(10, delete, status);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(12, Forms.title("Known hosts"), search, table, actions);
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
