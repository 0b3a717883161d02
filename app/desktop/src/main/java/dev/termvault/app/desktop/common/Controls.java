package dev.termvault.app.desktop.common;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The small pieces the record screens are built from: a titled section, a search field, the row of actions
 * under a list or editor with its status line, a busy bar, and visibility that follows a condition.
 */
public final class Controls {

    private Controls() {
    }

    /** A screen section: its title on top, then {@code children}, with the screens' spacing and padding. */
    public static VBox titled(String title, Node... children) {
        VBox box = new VBox(12, Forms.title(title));
        box.getChildren().addAll(children);
        box.setPadding(new Insets(16));
        return box;
    }

    /** A new search field bound both ways to {@code query}; it takes the spare width of its row. */
    public static TextField search(String id, String prompt, Property<String> query) {
        return search(new TextField(), id, prompt, query);
    }

    /** Makes {@code field} a search field bound both ways to {@code query}. */
    public static TextField search(TextField field, String id, String prompt, Property<String> query) {
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(query);
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    /**
     * A sheet's confirming button: the default one (Enter), in the accent colour, enabled only while
     * {@code allowed}.
     */
    public static Button confirmButton(String text, Node icon, String id, ObservableBooleanValue allowed) {
        Button confirm = new Button(text, icon);
        confirm.setId(id);
        confirm.setDefaultButton(true);
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.disableProperty().bind(Bindings.not(allowed));
        return confirm;
    }

    /** A sheet's "Cancel" button (Escape). */
    public static Button cancelButton() {
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        return cancel;
    }

    /** The editor's "Save" button, enabled only while the form is {@code valid}. */
    public static Button saveButton(String id, ObservableBooleanValue valid) {
        Button save = new Button("Save", new FontIcon(Material2MZ.SAVE));
        save.setId(id);
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(Bindings.not(valid));
        return save;
    }

    /** The red "Delete..." button that opens a screen's confirmation. */
    public static Button deleteButton(String id, Runnable onAction) {
        Button delete = new Button("Delete...", new FontIcon(Material2AL.DELETE));
        delete.setId(id);
        delete.getStyleClass().add(Styles.DANGER);
        delete.setOnAction(e -> onAction.run());
        return delete;
    }

    /**
     * A row of actions, left to right and vertically centred; its buttons keep their full text when the window
     * narrows.
     */
    public static HBox actionRow(double spacing, Node... nodes) {
        HBox row = new HBox(spacing, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        for (Node node : nodes) {
            if (node instanceof Button button) {
                button.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return row;
    }

    /** A status line showing {@code text}. */
    public static Label status(String id, ObservableStringValue text) {
        Label status = new Label();
        status.setId(id);
        status.textProperty().bind(text);
        return status;
    }

    /** A status line in the muted colour. */
    public static Label mutedStatus(String id, ObservableStringValue text) {
        Label status = status(id, text);
        status.getStyleClass().add(Styles.TEXT_MUTED);
        return status;
    }

    /** An indeterminate bar across its row, shown (and taking room) only while {@code busy}. */
    public static ProgressBar busyBar(ObservableBooleanValue busy) {
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setMaxWidth(Double.MAX_VALUE);
        shownWhen(busy, progress);
        return progress;
    }

    /** Shows the nodes, and gives them room in the layout, only while {@code condition} holds. */
    public static void shownWhen(ObservableBooleanValue condition, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(condition);
            node.managedProperty().bind(node.visibleProperty());
        }
    }

    /** A converter for choice boxes that only show values: {@code text} of a value, "" for none. */
    public static <T> StringConverter<T> display(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
