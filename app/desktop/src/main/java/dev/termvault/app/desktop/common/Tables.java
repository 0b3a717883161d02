package dev.termvault.app.desktop.common;

import atlantafx.base.theme.Tweaks;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The tables of the record screens (keys, known hosts): set up alike, with text columns. */
public final class Tables {

    private Tables() {
    }

    /**
     * Sets {@code table} up as a record table: edge to edge, the last column taking the spare width, and
     * {@code placeholder} while it has no rows.
     */
    public static <S> TableView<S> records(TableView<S> table, String id, ObservableList<S> rows, String placeholder) {
        table.setId(id);
        table.setItems(rows);
        table.setPlaceholder(new Label(placeholder));
        table.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    /** A column of {@code width} showing {@code value} of each row. */
    public static <S> TableColumn<S, String> column(String name, double width, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    /** Shows the column's text in a small monospace font (fingerprints). */
    public static <S> TableColumn<S, String> monospace(TableColumn<S, String> column) {
        column.setCellFactory(c -> {
            TableCell<S, String> cell = new TableCell<>() {
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
}
