package dev.termvault.app.desktop.imports;

import atlantafx.base.theme.Styles;
import dev.termvault.app.core.imports.ImportRow;
import dev.termvault.app.core.imports.ImportRow.Action;
import javafx.scene.control.TableCell;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The action of an import row as an icon and a word: Add/Added, Keep/Kept, Skip/Skipped, Note. */
final class ActionCell extends TableCell<ImportRow, Action> {
    private final boolean preview;

    ActionCell(boolean preview) {
        this.preview = preview;
    }

    @Override
    protected void updateItem(Action action, boolean empty) {
        super.updateItem(action, empty);
        getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.ACCENT, Styles.TEXT_MUTED);
        if (empty || action == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        FontIcon icon = switch (action) {
            case ADD -> new FontIcon(Material2AL.ADD_CIRCLE_OUTLINE);
            case KEEP -> new FontIcon(Material2AL.CHECK_CIRCLE_OUTLINE);
            case SKIP -> new FontIcon(Material2AL.BLOCK);
            case NOTE -> new FontIcon(Material2AL.INFO);
        };
        String style = switch (action) {
            case ADD -> Styles.SUCCESS;
            case KEEP -> Styles.TEXT_MUTED;
            case SKIP -> Styles.WARNING;
            case NOTE -> Styles.ACCENT;
        };
        icon.getStyleClass().add(style);
        getStyleClass().add(style);
        setGraphic(icon);
        setText(switch (action) {
            case ADD -> preview ? "Add" : "Added";
            case KEEP -> preview ? "Keep" : "Kept";
            case SKIP -> preview ? "Skip" : "Skipped";
            case NOTE -> "Note";
        });
    }
}
