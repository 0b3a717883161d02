package dev.termvault.app.desktop.knownhosts;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.model.ItemType;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Known hosts screen: every accepted host key (host, port, key type, fingerprint, when it was added), with
 * search and delete. Deleting a key means the next connection to that host asks again.
 */
public final class KnownHostsViewModel {

    private final Vault vault;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<KnownHostRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<KnownHostRow> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");

    public KnownHostsViewModel(Vault vault) {
        this.vault = vault;
        query.addListener((obs, old, now) -> refresh());
        refresh();
    }

    public void refresh() {
        String[] words = query.get() == null ? new String[0]
                : query.get().toLowerCase(Locale.ROOT).strip().split("\\s+");
        List<KnownHostRow> found = vault.list(ItemType.KNOWN_HOST).stream().map(KnownHostRow::of)
                .filter(row -> {
                    String text = String.join(" ", row.host(), Integer.toString(row.port()), row.keyType(),
                            row.fingerprint(), row.revoked() ? "revoked" : "").toLowerCase(Locale.ROOT);
                    for (String word : words) {
                        if (!word.isEmpty() && !text.contains(word)) {
                            return false;
                        }
                    }
                    return true;
                }).toList();
        rows.setAll(found);
        KnownHostRow was = selected.get();
        selected.set(was == null ? null : found.stream().filter(r -> r.id().equals(was.id())).findFirst()
                .orElse(null));
    }

    /** Deletes an accepted key (after the person confirmed). */
    public boolean delete(KnownHostRow row) {
        try {
            vault.delete(row.id());
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
