package dev.termvault.app.gui.model;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.SshKey;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Keys screen: every SSH key in the vault with its type, size, fingerprint and comment; search, rename,
 * delete, and copying the public key line. Generating and importing have their own view models.
 */
public final class KeysViewModel {

    private final Vault vault;
    private final Consumer<String> clipboard;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<KeyRow> keys = FXCollections.observableArrayList();
    private final ObjectProperty<KeyRow> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");

    /**
     * @param clipboard puts text on the clipboard (public keys are not secret, so no clearing)
     */
    public KeysViewModel(Vault vault, Consumer<String> clipboard) {
        this.vault = vault;
        this.clipboard = clipboard;
        query.addListener((obs, old, now) -> refresh());
        refresh();
    }

    /** Reads the keys again, keeping the selection when the key is still there. */
    public void refresh() {
        String[] words = query.get() == null ? new String[0]
                : query.get().toLowerCase(Locale.ROOT).strip().split("\\s+");
        List<KeyRow> rows = vault.list(ItemType.SSH_KEY).stream().map(KeyRow::of)
                .filter(row -> matches(row, words)).toList();
        String selectedId = selected.get() == null ? null : selected.get().id();
        keys.setAll(rows);
        selected.set(rows.stream().filter(r -> r.id().equals(selectedId)).findFirst().orElse(null));
    }

    private static boolean matches(KeyRow row, String[] words) {
        String text = String.join(" ", row.name(), row.keyType(), row.typeLabel(), row.fingerprint(),
                row.comment(), Integer.toString(row.bits())).toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (!word.isEmpty() && !text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Copies the selected key's OpenSSH public key line. */
    public boolean copyPublicKey(KeyRow row) {
        if (row == null || row.publicKey().isEmpty()) {
            status.set("This key has no public key to copy.");
            return false;
        }
        clipboard.accept(row.publicKey());
        status.set("Public key of " + row.name() + " copied.");
        return true;
    }

    /**
     * Renames a key.
     *
     * @return an error to show, or empty when renamed
     */
    public Optional<String> rename(KeyRow row, String newName) {
        if (newName == null || newName.isBlank()) {
            return Optional.of("A key needs a name.");
        }
        try {
            VaultRecord record = vault.get(row.id()).orElseThrow(() -> new VaultException.NotFound(row.id()));
            SshKey key = (SshKey) record.item();
            vault.update(row.id(), new SshKey(newName.strip(), key.privateKey(), key.publicKey(), key.comment(),
                    key.keyType()));
        } catch (VaultException e) {
            return Optional.of("Not renamed: " + e.getMessage() + ".");
        }
        refresh();
        status.set("Renamed to " + newName.strip() + ".");
        return Optional.empty();
    }

    /** Labels of the hosts that log in with this key. */
    public List<String> hostsUsing(KeyRow row) {
        return vault.list(ItemType.HOST).stream().map(r -> (Host) r.item())
                .filter(h -> row.id().equals(h.keyId())).map(Host::label).toList();
    }

    /**
     * Deletes a key (after the person confirmed). Hosts that used it keep the reference; connecting to them
     * then says the key is missing.
     */
    public boolean delete(KeyRow row) {
        try {
            vault.delete(row.id());
        } catch (VaultException e) {
            status.set("Not deleted: " + e.getMessage() + ".");
            return false;
        }
        refresh();
        status.set("Deleted " + row.name() + ".");
        return true;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<KeyRow> keys() {
        return keys;
    }

    public ObjectProperty<KeyRow> selectedProperty() {
        return selected;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
