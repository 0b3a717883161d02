package dev.termvault.app.desktop.sync;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The bar at the bottom of the main window: sync state, pending changes, last sync, the last error with a
 * Details link, and Sync now. Ticks once a second so the relative time stays true.
 */
public final class StatusBar {

    private final HBox root = new HBox(14);
    private final Timeline ticker;

    /**
     * @param onTick  called every second (the app checks the outbox for new local edits there)
     * @param syncNow the Sync now action
     */
    public StatusBar(SyncStatusViewModel model, Runnable onTick, Runnable syncNow) {
        root.setId("statusBar");
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(4, 12, 4, 12));
        root.setMinHeight(30);
        root.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-default transparent"
                + " transparent transparent;");

        Label state = stateLabel(model);
        Label pending = mutedLabel("syncPending", model.pendingProperty());
        Label last = mutedLabel("syncLast", model.lastSyncProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label error = errorLabel(model);
        Hyperlink details = new Hyperlink("Details");
        details.setId("syncErrorDetails");
        details.visibleProperty().bind(model.errorProperty().isNotEmpty());
        details.managedProperty().bind(details.visibleProperty());
        details.setOnAction(e -> showDetails(model));
        Button now = syncNowButton(model, syncNow);

        for (javafx.scene.control.Control fixed : java.util.List.of(state, pending, last, details, now)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox.setHgrow(error, Priority.SOMETIMES);
        root.getChildren().addAll(state, pending, last, spacer, error, details, now);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            onTick.run();
            model.tick(Instant.now());
        }));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    private Label stateLabel(SyncStatusViewModel model) {
        FontIcon icon = new FontIcon();
        icon.setId("syncIcon");
        Label state = new Label();
        state.setId("syncState");
        state.textProperty().bind(model.stateProperty());
        state.setGraphic(icon);
        state.getStyleClass().add(Styles.TEXT_BOLD);
        model.toneProperty().addListener((obs, old, now) -> tone(state, icon, now));
        tone(state, icon, model.toneProperty().get());
        return state;
    }

    private static Label mutedLabel(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        hideWhenEmpty(label);
        return label;
    }

    private static Label errorLabel(SyncStatusViewModel model) {
        Label error = new Label();
        error.setId("syncError");
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add(Styles.DANGER);
        error.setMinWidth(0);
        error.setTooltip(new Tooltip());
        error.getTooltip().textProperty().bind(model.errorProperty());
        hideWhenEmpty(error);
        return error;
    }

    private static Button syncNowButton(SyncStatusViewModel model, Runnable syncNow) {
        Button now = new Button("Sync now", new FontIcon(Material2MZ.SYNC));
        now.setId("syncNow");
        now.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        now.setTooltip(new Tooltip("Sync now (F5)"));
        now.visibleProperty().bind(model.linkedProperty());
        now.managedProperty().bind(now.visibleProperty());
        now.setOnAction(e -> syncNow.run());
        return now;
    }

    public Parent root() {
        return root;
    }

    /** Stops the clock (when the window leaves the main view). */
    public void stop() {
        ticker.stop();
    }

    private static void hideWhenEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static void tone(Label state, FontIcon icon, SyncStatusViewModel.Tone tone) {
        state.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER, Styles.ACCENT);
        switch (tone) {
            case SUCCESS -> {
                state.getStyleClass().add(Styles.SUCCESS);
                icon.setIconCode(Material2AL.CLOUD_DONE);
            }
            case BUSY -> {
                state.getStyleClass().add(Styles.ACCENT);
                icon.setIconCode(Material2MZ.SYNC);
            }
            case WARNING -> {
                state.getStyleClass().add(Styles.WARNING);
                icon.setIconCode(Material2AL.CLOUD_OFF);
            }
            case DANGER -> {
                state.getStyleClass().add(Styles.DANGER);
                icon.setIconCode(Material2AL.ERROR_OUTLINE);
            }
            case NEUTRAL -> icon.setIconCode(Material2AL.COMPUTER);
        }
    }

    private void showDetails(SyncStatusViewModel model) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.setTitle("Sync error");
        alert.setHeaderText("The last sync did not succeed");
        TextArea text = new TextArea(model.errorDetailsProperty().get());
        text.setId("syncErrorText");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(11);
        text.setPrefColumnCount(52);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        alert.show();
    }
}
