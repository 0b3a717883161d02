package dev.termvault.app.desktop.common;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Modal sheets shown over a screen (a dimmed layer with a card), used for dialogs: they stay in the window,
 * block the screen beneath and close with Escape.
 */
public final class Sheets {

    /** Copy (Ctrl+C, Cmd+C on macOS) on a list or table: copies the selected record's key, password or command. */
    public static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private Sheets() {
    }

    /** Shows {@code card} over {@code layer}; returns the action that closes it. */
    public static Runnable show(StackPane layer, Node card) {
        VBox dim = new VBox(card);
        dim.setAlignment(Pos.CENTER);
        dim.setPadding(new Insets(24));
        dim.setStyle("-fx-background-color: rgba(0, 0, 0, 0.35);");
        Runnable close = () -> layer.getChildren().remove(dim);
        dim.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
                e.consume();
            }
        });
        layer.getChildren().add(dim);
        return close;
    }

    /** A card for a sheet: title, content, and a row of buttons on the right. */
    public static VBox card(double width, String title, Node... children) {
        VBox card = Forms.card(width, Forms.title(title));
        card.getChildren().addAll(children);
        card.setPadding(new Insets(20, 24, 20, 24));
        return card;
    }

    /** A two-column form: labels at their full width on the left, fields taking the rest. */
    public static GridPane formGrid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, fields);
        return grid;
    }

    public static HBox buttons(Node... buttons) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, spacer);
        row.getChildren().addAll(buttons);
        row.setPadding(new Insets(8, 0, 0, 0));
        return row;
    }

    /**
     * Asks to confirm a deletion; {@code onConfirm} runs only after the person clicks the red button.
     *
     * @param id the id of the confirming button (for keyboard focus and tests)
     */
    public static void confirmDelete(StackPane layer, String title, String message, String id, Runnable onConfirm) {
        Label text = new Label(message);
        text.setWrapText(true);
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        Button delete = new Button("Delete", new FontIcon(Material2AL.DELETE));
        delete.setId(id);
        delete.getStyleClass().add(Styles.DANGER);
        VBox card = card(440, title, text);
        card.getChildren().add(buttons(cancel, delete));
        Runnable close = show(layer, card);
        cancel.setOnAction(e -> close.run());
        delete.setOnAction(e -> {
            close.run();
            onConfirm.run();
        });
        cancel.requestFocus();
    }
}
