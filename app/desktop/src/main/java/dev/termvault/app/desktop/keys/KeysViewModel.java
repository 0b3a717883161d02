package dev.termvault.app.desktop.keys;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.core.HostRef;
import dev.termvault.app.core.WhenUsed;
import dev.termvault.app.core.keys.KeyRow;
import dev.termvault.app.core.keys.Keys;
import dev.termvault.app.desktop.common.RecordEditorViewModel;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import java.util.List;
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
 * delete, and copying the public key line. Generating and importing have their own view models. The use cases
 * are {@link Keys}; this class holds them as JavaFX state.
 */
public final class KeysViewModel {

    private final Keys useCases;
    private final Consumer<String> clipboard;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<KeyRow> keys = FXCollections.observableArrayList();
    private final ObjectProperty<KeyRow> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");

    /**
     * @param clipboard puts text on the clipboard (public keys are not secret, so no clearing)
     */
    public KeysViewModel(Vault vault, Consumer<String> clipboard) {
        this.useCases = new Keys(vault);
        this.clipboard = clipboard;
        query.addListener((obs, old, now) -> refresh());
        refresh();
    }

    /** Reads the keys again, keeping the selection when the key is still there. */
    public void refresh() {
        List<KeyRow> rows = useCases.search(query.get());
        String selectedId = selected.get() == null ? null : selected.get().id();
        keys.setAll(rows);
        selected.set(rows.stream().filter(r -> r.id().equals(selectedId)).findFirst().orElse(null));
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
        KeyRow renamed;
        try {
            renamed = useCases.rename(row.id(), newName);
        } catch (CoreException.Invalid e) {
            return Optional.of(e.getMessage());
        } catch (CoreException | VaultException e) {
            return Optional.of("Not renamed: " + RecordEditorViewModel.sentence(e.getMessage()));
        }
        refresh();
        status.set("Renamed to " + renamed.name() + ".");
        return Optional.empty();
    }

    /** Labels of the hosts that log in with this key. */
    public List<String> hostsUsing(KeyRow row) {
        return useCases.usage(row.id()).stream().map(HostRef::label).toList();
    }

    /**
     * Deletes a key (after the person confirmed, having been shown {@link #hostsUsing}): the hosts that used it
     * are unlinked from it.
     */
    public boolean delete(KeyRow row) {
        try {
            useCases.delete(row.id(), WhenUsed.UNLINK);
        } catch (CoreException | VaultException e) {
            status.set("Not deleted: " + RecordEditorViewModel.sentence(e.getMessage()));
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
