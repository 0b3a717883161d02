package dev.termvault.app.gui.view;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Small layout helpers shared by the screens. */
final class Forms {

    private Forms() {
    }

    /** A label in the theme's danger colour, shown only while {@code text} is not empty. */
    static Label message(ObservableStringValue text, String styleClass) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** A centred card of the given width holding the children top to bottom. */
    static VBox card(double width, Node... children) {
        VBox card = new VBox(10, children);
        card.setPadding(new Insets(28));
        card.setMaxWidth(width);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        card.getStyleClass().add("card-surface");
        card.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                + " -fx-border-radius: 8; -fx-background-radius: 8;");
        return card;
    }

    static VBox centred(Node card) {
        VBox box = new VBox(card);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(24));
        box.setStyle("-fx-background-color: -color-bg-subtle;");
        return box;
    }

    static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("title-2");
        return label;
    }

    static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        label.setWrapText(true);
        return label;
    }
}
