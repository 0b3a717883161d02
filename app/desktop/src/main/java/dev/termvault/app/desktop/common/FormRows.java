package dev.termvault.app.desktop.common;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Rows of an editor's two-column form ({@link Sheets#formGrid()}), each field with its error beneath it. */
public final class FormRows {

    private FormRows() {
    }

    /**
     * Adds {@code name} and {@code field} at {@code row}; with an {@code error}, also the error in small red text
     * at {@code row + 1} and the field marked while there is one. A text area's label sits at its top.
     */
    public static void add(GridPane grid, int row, String name, Control field, ObservableStringValue error) {
        Label label = new Label(name);
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        GridPane.setHgrow(field, Priority.ALWAYS);
        if (field instanceof TextArea) {
            GridPane.setValignment(label, VPos.TOP);
        }
        if (error != null) {
            grid.add(error(error), 1, row + 1);
            markInvalid(field, error);
        }
    }

    /** A field's error: small red text, taking room only while there is one. */
    public static Label error(ObservableStringValue error) {
        Label message = Forms.message(error, Styles.DANGER);
        message.getStyleClass().add(Styles.TEXT_SMALL);
        return message;
    }

    /** Marks {@code field} in the danger colour while {@code error} is not empty. */
    public static void markInvalid(Node field, ObservableStringValue error) {
        field.pseudoClassStateChanged(Styles.STATE_DANGER, !error.get().isEmpty());
        error.addListener((obs, old, now) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
    }
}
