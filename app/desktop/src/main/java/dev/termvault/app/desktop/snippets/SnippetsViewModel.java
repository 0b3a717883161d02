package dev.termvault.app.desktop.snippets;

import dev.termvault.app.core.snippets.Snippets;
import dev.termvault.app.desktop.common.RecordEditorViewModel;
import dev.termvault.app.desktop.hosts.HostEditorViewModel;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Snippet;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The Snippets screen: saved commands (name, command text of one or more lines, tags) with search over every
 * field, an editor, delete, and copying the command. The use cases are {@link Snippets}.
 */
public final class SnippetsViewModel extends RecordEditorViewModel<Snippet> {

    private final Snippets useCases;
    private final Consumer<String> clipboard;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty command = new SimpleStringProperty("");
    private final StringProperty tags = new SimpleStringProperty("");
    private final StringBinding nameError;
    private final StringBinding commandError;
    private final BooleanBinding valid;

    public SnippetsViewModel(Vault vault, Consumer<String> clipboard) {
        super(Snippet.class);
        this.useCases = new Snippets(vault);
        this.clipboard = clipboard;
        nameError = Bindings.createStringBinding(
                () -> name.get() == null || name.get().isBlank() ? "A snippet needs a name." : "", name);
        commandError = Bindings.createStringBinding(
                () -> command.get() == null || command.get().isBlank() ? "A snippet needs a command." : "",
                command);
        valid = nameError.isEmpty().and(commandError.isEmpty());
        refresh();
    }

    @Override
    protected void clearFields() {
        name.set("");
        command.set("");
        tags.set("");
    }

    @Override
    protected void loadFields(Snippet snippet) {
        name.set(snippet.name());
        command.set(snippet.command());
        tags.set(String.join(", ", snippet.tags()));
    }

    @Override
    protected Snippet fromFields() {
        return new Snippet(name.get(), command.get(), HostEditorViewModel.parseTags(tags.get()));
    }

    @Override
    protected List<VaultRecord> find(String query) {
        return useCases.records(query);
    }

    @Override
    protected VaultRecord store(String id, Snippet item) {
        return id == null ? useCases.add(item.name(), item.command(), item.tags())
                : useCases.update(id, item.name(), item.command(), item.tags());
    }

    @Override
    protected void remove(VaultRecord record) {
        useCases.delete(record.id());
    }

    @Override
    protected String nameOf(Snippet snippet) {
        return snippet.name();
    }

    /** Copies the command of {@code record} (the one being edited when null). */
    public boolean copyCommand(VaultRecord record) {
        return target(record).map(snippet -> {
            clipboard.accept(snippet.command());
            status.set("Command of " + snippet.name() + " copied.");
            return true;
        }).orElse(false);
    }

    public ObservableList<VaultRecord> snippets() {
        return records();
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

    public StringBinding nameErrorProperty() {
        return nameError;
    }

    public StringBinding commandErrorProperty() {
        return commandError;
    }

    @Override
    public BooleanBinding validProperty() {
        return valid;
    }
}
