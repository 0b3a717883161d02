package dev.termvault.app.desktop.hosts;

import atlantafx.base.theme.Styles;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One row of the list, with its group's heading above the first host of each group; its nodes are made once
 * and reused as the list scrolls and filters.
 */
final class HostCell extends ListCell<VaultRecord> {
    private final HostListViewModel list;
    private final Label name = new Label();
    private final Label detail = new Label();
    private final Label tags = new Label();
    private final Label header = new Label("", new FontIcon(Material2AL.FOLDER));
    private final VBox box;

    HostCell(HostListViewModel list) {
        this.list = list;
        name.getStyleClass().add(Styles.TEXT_BOLD);
        detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        tags.getStyleClass().addAll(Styles.ACCENT, Styles.TEXT_SMALL);
        header.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, Styles.TEXT_BOLD);
        HBox row = new HBox(10, new FontIcon(Material2MZ.STORAGE), new VBox(2, name, detail, tags));
        box = new VBox(4, header, row);
    }

    @Override
    protected void updateItem(VaultRecord record, boolean empty) {
        super.updateItem(record, empty);
        setText(null);
        if (empty || record == null || !(record.item() instanceof Host host)) {
            setGraphic(null);
            return;
        }
        name.setText(host.label());
        detail.setText((host.username() == null ? "" : host.username() + "@") + host.hostname()
                + (host.port() == 22 ? "" : ":" + host.port()));
        boolean tagged = !host.tags().isEmpty();
        tags.setText(tagged ? "#" + String.join("  #", host.tags()) : "");
        tags.setVisible(tagged);
        tags.setManaged(tagged);
        String group = list.groupName(record);
        int index = getIndex();
        boolean firstOfGroup = index == 0 || index > 0 && index - 1 < getListView().getItems().size()
                && !list.groupName(getListView().getItems().get(index - 1)).equals(group);
        boolean heading = firstOfGroup && (!group.isEmpty() || index > 0);
        header.setText(group.isEmpty() ? "No group" : group);
        header.setVisible(heading);
        header.setManaged(heading);
        setText(null);
        setGraphic(box);
    }
}
