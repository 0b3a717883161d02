package dev.termvault.app.desktop.knownhosts;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.core.knownhosts.KnownHostRow;
import dev.termvault.app.core.knownhosts.KnownHosts;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Known hosts screen over core's {@link KnownHosts}: every accepted host key (host, port, key type,
 * fingerprint, when it was added), with search and delete. Deleting a key means the next connection to that host
 * asks again.
 */
public final class KnownHostsViewModel {

    private final KnownHosts knownHosts;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<KnownHostRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<KnownHostRow> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");

    public KnownHostsViewModel(Vault vault) {
        this.knownHosts = new KnownHosts(vault);
        query.addListener((obs, old, now) -> refresh());
        refresh();
    }

    public void refresh() {
        List<KnownHostRow> found = knownHosts.search(query.get());
        rows.setAll(found);
        KnownHostRow was = selected.get();
        selected.set(was == null ? null : found.stream().filter(r -> r.id().equals(was.id())).findFirst()
                .orElse(null));
    }

    /** Deletes an accepted key (after the person confirmed). */
    public boolean delete(KnownHostRow row) {
        try {
            knownHosts.delete(row.id());
        } catch (CoreException e) {
            status.set("Not deleted: " + e.getMessage());
            return false;
        } catch (VaultException e) {
            status.set("Not deleted: " + e.getMessage() + ".");
            return false;
        }
        refresh();
        status.set("Deleted the " + row.keyType() + " key of " + row.hostAndPort()
                + ". The next connection there asks again.");
        return true;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<KnownHostRow> rows() {
        return rows;
    }

    public ObjectProperty<KnownHostRow> selectedProperty() {
        return selected;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
