package dev.termvault.app.gui.model;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Snippet;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Snippets screen: saved commands (name, command text of one or more lines, tags) with search over every
 * field, an editor, delete, and copying the command.
 */
public final class SnippetsViewModel {

    private final Vault vault;
    private final Consumer<String> clipboard;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<VaultRecord> snippets = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty command = new SimpleStringProperty("");
    private final StringProperty tags = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<VaultRecord> editing = new SimpleObjectProperty<>();
    private final StringBinding nameError;
    private final StringBinding commandError;
    private final BooleanBinding valid;

    public SnippetsViewModel(Vault vault, Consumer<String> clipboard) {
        this.vault = vault;
        this.clipboard = clipboard;
        nameError = Bindings.createStringBinding(
                () -> name.get() == null || name.get().isBlank() ? "A snippet needs a name." : "", name);
        commandError = Bindings.createStringBinding(
                () -> command.get() == null || command.get().isBlank() ? "A snippet needs a command." : "",
                command);
        valid = nameError.isEmpty().and(commandError.isEmpty());
        query.addListener((obs, old, now) -> refresh());
        refresh();
    }

    /** Reads the snippets matching the search again (every word in some field, through the vault's search). */
    public void refresh() {
        snippets.setAll(vault.search(query.get() == null ? "" : query.get()).stream()
                .filter(r -> r.item() instanceof Snippet).toList());
    }

    public void startNew() {
        editing.set(null);
        name.set("");
        command.set("");
        tags.set("");
        status.set("");
    }

    public void edit(VaultRecord record) {
        Snippet snippet = (Snippet) record.item();
        editing.set(record);
        name.set(snippet.name());
        command.set(snippet.command());
        tags.set(String.join(", ", snippet.tags()));
        status.set("");
    }

    public Optional<VaultRecord> save() {
        if (!valid.get()) {
            status.set("Fix the marked fields first.");
            return Optional.empty();
        }
        Snippet snippet = new Snippet(name.get().strip(), command.get().strip(),
                HostEditorViewModel.parseTags(tags.get()));
        try {
            VaultRecord saved = editing.get() == null ? vault.put(snippet) : vault.put(editing.get().id(), snippet);
            editing.set(saved);
            refresh();
            status.set("Saved.");
            return Optional.of(saved);
        } catch (VaultException e) {
            status.set("Not saved: " + e.getMessage() + ".");
            return Optional.empty();
        }
    }

    /** Copies the command of {@code record} (the one being edited when null). */
    public boolean copyCommand(VaultRecord record) {
        VaultRecord target = record == null ? editing.get() : record;
        if (target == null) {
            return false;
        }
        Snippet snippet = (Snippet) target.item();
        clipboard.accept(snippet.command());
        status.set("Command of " + snippet.name() + " copied.");
        return true;
    }

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
        status.set("Deleted " + ((Snippet) record.item()).name() + ".");
        return true;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<VaultRecord> snippets() {
        return snippets;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty commandProperty() {
        return command;
    }

    public StringProperty tagsProperty() {
        return tags;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<VaultRecord> editingProperty() {
        return editing;
    }

    public StringBinding nameErrorProperty() {
        return nameError;
    }

    public StringBinding commandErrorProperty() {
        return commandError;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
