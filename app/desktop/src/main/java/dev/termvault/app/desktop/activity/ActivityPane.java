package dev.termvault.app.desktop.activity;

import dev.termvault.app.desktop.common.Forms;
import atlantafx.base.theme.Styles;
import dev.termvault.app.desktop.activity.ActivityViewModel.Row;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Activity: the account's audit log from the key service, and this device's sync history. */
public final class ActivityPane {

    private final ActivityViewModel model;
    private final VBox root;

    public ActivityPane(ActivityViewModel model) {
        this.model = model;
        Button refresh = new Button("Refresh", new FontIcon(Material2MZ.REFRESH));
        refresh.setId("activityRefresh");
        refresh.setOnAction(e -> model.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, Forms.title("Activity"), spacer, refresh);

        TableView<Row> audit = table("auditTable", "Event", model.audit());
        audit.setPlaceholder(Forms.message(model.auditMessageProperty(), Styles.TEXT_MUTED));
        Label auditTitle = section("Account activity (from the key service)");
        TableView<Row> sync = table("syncHistoryTable", "What", model.syncHistory());
        sync.setPlaceholder(new Label("Nothing synced on this device yet."));
        Label syncTitle = section("This device's sync history");
        VBox.setVgrow(audit, Priority.ALWAYS);
        VBox.setVgrow(sync, Priority.ALWAYS);
        root = new VBox(10, header, auditTitle, audit, syncTitle, sync);
        root.setPadding(new Insets(20));
    }

    public Parent root() {
        return root;
    }

    /** Reloads (called when the section is shown). */
    public void refresh() {
        model.refresh();
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private static TableView<Row> table(String id, String whatName, javafx.collections.ObservableList<Row> rows) {
        TableView<Row> table = new TableView<>(rows);
        table.setId(id);
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        TableColumn<Row, String> time = new TableColumn<>("Time");
        time.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().time()));
        time.setPrefWidth(150);
        TableColumn<Row, String> what = new TableColumn<>(whatName);
        what.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().what()));
        what.setPrefWidth(190);
        TableColumn<Row, String> detail = new TableColumn<>("Details");
        detail.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().detail()));
        detail.setPrefWidth(360);
        table.getColumns().setAll(java.util.List.of(time, what, detail));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(200);
        return table;
    }
}
