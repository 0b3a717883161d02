package dev.termvault.app.gui.model;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Item;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What a screen of one record type with a list and an editor shares: the search over the vault (every word in
 * some searchable field; secrets are never searched), the record being edited, new, save, delete and the status
 * line. A subclass names its type and moves its fields in and out of the editor.
 *
 * @param <T> the record type the screen shows
 */
abstract class RecordEditorViewModel<T extends Item> {

    protected final Vault vault;
    protected final StringProperty status = new SimpleStringProperty("");
    protected final ObjectProperty<VaultRecord> editing = new SimpleObjectProperty<>();
    private final Class<T> type;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<VaultRecord> records = FXCollections.observableArrayList();

    RecordEditorViewModel(Vault vault, Class<T> type) {
        this.vault = vault;
        this.type = type;
        query.addListener((obs, old, now) -> refresh());
    }

    /** Puts an empty record in the editor's fields. */
    protected abstract void clearFields();

    /** Puts {@code item} in the editor's fields. */
    protected abstract void loadFields(T item);

    /** The record the editor's fields describe (called only when {@link #validProperty} holds). */
    protected abstract T fromFields();

    /** The name to show in status lines. */
    protected abstract String nameOf(T item);

    /** Whether the editor's fields make a record that can be saved. */
    public abstract BooleanBinding validProperty();

    /** Reads the records matching the search again. */
    public void refresh() {
        records.setAll(vault.search(query.get() == null ? "" : query.get()).stream()
                .filter(r -> type.isInstance(r.item())).toList());
    }

    public void startNew() {
        editing.set(null);
        clearFields();
        status.set("");
    }

    public void edit(VaultRecord record) {
        editing.set(record);
        loadFields(type.cast(record.item()));
        status.set("");
    }

    public Optional<VaultRecord> save() {
        if (!validProperty().get()) {
            status.set("Fix the marked fields first.");
            return Optional.empty();
        }
        T item = fromFields();
        try {
            VaultRecord saved = editing.get() == null ? vault.add(item) : vault.update(editing.get().id(), item);
            editing.set(saved);
            refresh();
            status.set("Saved.");
            return Optional.of(saved);
        } catch (VaultException e) {
            status.set("Not saved: " + e.getMessage() + ".");
            return Optional.empty();
        }
    }

    /** Deletes the record being edited (after the person confirmed). */
    public boolean delete() {
        VaultRecord record = editing.get();
        if (record == null) {
            return false;
        }
        try {
            vault.delete(record.id());
        } catch (VaultException e) {
            status.set("Not deleted: " + e.getMessage() + ".");
            return false;
        }
        startNew();
        refresh();
        status.set("Deleted " + nameOf(type.cast(record.item())) + ".");
        return true;
    }

    /** The record {@code record} names, or the one being edited when null. */
    protected Optional<T> target(VaultRecord record) {
        VaultRecord target = record == null ? editing.get() : record;
        return target == null ? Optional.empty() : Optional.of(type.cast(target.item()));
    }

    public StringProperty queryProperty() {
        return query;
    }

    protected ObservableList<VaultRecord> records() {
        return records;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<VaultRecord> editingProperty() {
        return editing;
    }
}
