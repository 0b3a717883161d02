package dev.termvault.app.desktop.common;

import dev.termvault.app.core.CoreException;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Item;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What a screen of one record type with a list and an editor shares: the search (every word in some searchable
 * field; secrets are never searched), the record being edited, new, save, delete and the status line. A subclass
 * moves its fields in and out of the editor and hands the search, the saving and the deleting to its use cases
 * in the core, which decide what is valid and what a deletion does.
 *
 * @param <T> the record type the screen shows
 */
public abstract class RecordEditorViewModel<T extends Item> {

    protected final StringProperty status = new SimpleStringProperty("");
    protected final ObjectProperty<VaultRecord> editing = new SimpleObjectProperty<>();
    private final Class<T> type;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<VaultRecord> records = FXCollections.observableArrayList();

    public RecordEditorViewModel(Class<T> type) {
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

    /** The records a search finds (the use case's search). */
    protected abstract List<VaultRecord> find(String query);

    /**
     * Stores the editor's fields as a new record ({@code id} null) or over the record {@code id}.
     *
     * @throws CoreException when the use case refuses (a name taken, a field invalid)
     */
    protected abstract VaultRecord store(String id, T item);

    /** Deletes the record (the person confirmed). */
    protected abstract void remove(VaultRecord record);

    /** Whether the editor's fields make a record that can be saved. */
    public abstract BooleanBinding validProperty();

    /** Reads the records matching the search again. */
    public void refresh() {
        records.setAll(find(query.get() == null ? "" : query.get()));
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
            VaultRecord saved = store(editing.get() == null ? null : editing.get().id(), item);
            editing.set(saved);
            refresh();
            status.set("Saved.");
            return Optional.of(saved);
        } catch (CoreException | VaultException e) {
            status.set("Not saved: " + sentence(e.getMessage()));
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
            remove(record);
        } catch (CoreException | VaultException e) {
            status.set("Not deleted: " + sentence(e.getMessage()));
            return false;
        }
        startNew();
        refresh();
        status.set("Deleted " + nameOf(type.cast(record.item())) + ".");
        return true;
    }

    /** The message as a sentence: with a full stop at its end. */
    public static String sentence(String message) {
        return message.endsWith(".") ? message : message + ".";
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
