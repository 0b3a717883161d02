package dev.termvault.app.gui.model;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The host list: every host matching the search text (over every field, through {@link Vault#search}). */
public final class HostListViewModel {

    private final Vault vault;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<VaultRecord> hosts = FXCollections.observableArrayList();
    private final ObjectProperty<VaultRecord> selected = new SimpleObjectProperty<>();

    public HostListViewModel(Vault vault) {
        this.vault = vault;
        query.addListener((obs, old, now) -> refresh());
        refresh();
    }

    /** Reads the matching hosts again (after a search change or an edit). */
    public void refresh() {
        String text = query.get() == null ? "" : query.get();
        hosts.setAll(vault.search(text).stream().filter(r -> r.item() instanceof Host).toList());
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<VaultRecord> hosts() {
        return hosts;
    }

    public ObjectProperty<VaultRecord> selectedProperty() {
        return selected;
    }
}
