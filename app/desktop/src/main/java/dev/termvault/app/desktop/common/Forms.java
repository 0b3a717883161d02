package dev.termvault.app.desktop.common;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Small layout helpers shared by the screens. */
public final class Forms {

    private Forms() {
    }

    /** A label in the theme's danger colour, shown only while {@code text} is not empty. */
    public static Label message(ObservableStringValue text, String styleClass) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** A centred card of the given width holding the children top to bottom. */
    public static VBox card(double width, Node... children) {
        VBox card = new VBox(10, children);
        card.setPadding(new Insets(28));
        card.setMaxWidth(width);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        card.getStyleClass().add("card-surface");
        card.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                + " -fx-border-radius: 8; -fx-background-radius: 8;");
        return card;
    }

    public static VBox centred(Node card) {
        VBox box = new VBox(card);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(24));
        box.setStyle("-fx-background-color: -color-bg-subtle;");
        return box;
    }

    public static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("title-2");
        return label;
    }

    public static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        label.setWrapText(true);
        return label;
    }

    /**
     * The strength meter under a new master password: a bar (0 to 4 of {@code strength}, id {@code meterId}) and
     * the word for it ("Strength: Fair").
     */
    public static Node[] strengthMeter(String meterId, javafx.beans.binding.IntegerBinding strength) {
        javafx.scene.control.ProgressBar meter = new javafx.scene.control.ProgressBar();
        meter.setId(meterId);
        meter.setMaxWidth(Double.MAX_VALUE);
        meter.progressProperty().bind(strength.divide(4.0));
        Label words = new Label();
        words.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "Strength: " + dev.termvault.app.core.account.PasswordPolicy.describe(strength.get()), strength));
        words.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_SMALL);
        return new Node[] {meter, words};
    }

    /**
     * Keeps the focused field of a scrolling form in view: when focus moves (Tab, a click, a shortcut) to a node
     * inside {@code scroll}'s content that lies outside the viewport, the form scrolls just enough to show it.
     */
    public static void scrollToFocused(javafx.scene.control.ScrollPane scroll) {
        scroll.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((o, was, now) -> reveal(scroll, now));
            }
        });
    }

    private static void reveal(javafx.scene.control.ScrollPane scroll, Node focused) {
        Node content = scroll.getContent();
        if (focused == null || content == null || !isInside(focused, content)) {
            return;
        }
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        javafx.geometry.Bounds node = content.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
        double top = (contentHeight - viewport) * scroll.getVvalue();
        double target = top;
        if (node.getMinY() < top) {
            target = node.getMinY();
        } else if (node.getMaxY() > top + viewport) {
            target = node.getMaxY() - viewport;
        }
        if (target != top) {
            scroll.setVvalue(Math.max(0, Math.min(1, target / (contentHeight - viewport))));
        }
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
