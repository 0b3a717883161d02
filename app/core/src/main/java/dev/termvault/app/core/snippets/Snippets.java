package dev.termvault.app.core.snippets;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.core.NamedRecords;
import dev.termvault.app.core.connect.Connections;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.Snippet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saved commands: list, add, edit, delete, and run one on one or several hosts ({@link #runner}). Names are
 * unique, so a snippet is picked by name, or by its record id or a prefix of it.
 */
public final class Snippets {

    private final NamedRecords<Snippet> snippets;
    private final Connections connections;

    public Snippets(Vault vault) {
        this.snippets = new NamedRecords<>(vault, ItemType.SNIPPET, Snippet.class, "snippet", Snippet::name);
        this.connections = new Connections(vault);
    }

    /** Every snippet, in list order. */
    public List<SnippetRow> list() {
        return snippets.list().stream().map(SnippetRow::of).toList();
    }

    /** The snippet records with every word of {@code query} in some field (name, command, tags), for an editor. */
    public List<VaultRecord> records(String query) {
        return snippets.search(query);
    }

    /** The snippet {@code reference} names. */
    public SnippetRow get(String reference) {
        return SnippetRow.of(snippets.require(reference));
    }

    /**
     * Stores a new snippet.
     *
     * @throws CoreException.Invalid       for a blank name or command (per field)
     * @throws CoreException.AlreadyExists when one of that name exists
     */
    public VaultRecord add(String name, String command, List<String> tags) {
        return snippets.add(checked(name, command, tags));
    }

    /** Replaces every field of the snippet {@code reference} names. */
    public VaultRecord update(String reference, String name, String command, List<String> tags) {
        return snippets.update(reference, checked(name, command, tags));
    }

    /** Changes some fields of a snippet; a null argument keeps that field as it is. */
    public VaultRecord edit(String reference, String newName, String newCommand, List<String> newTags) {
        Snippet now = snippets.itemOf(snippets.require(reference));
        return update(reference, newName != null ? newName : now.name(),
                newCommand != null ? newCommand : now.command(), newTags != null ? newTags : now.tags());
    }

    /** Deletes a snippet; nothing else refers to one. */
    public SnippetRow delete(String reference) {
        VaultRecord record = snippets.require(reference);
        snippets.delete(record);
        return SnippetRow.of(record);
    }

    /**
     * Prepares a run of the snippet on the hosts named (labels, or record ids or prefixes); a host named twice
     * runs once. Every name is resolved before anything connects.
     *
     * @throws CoreException.Invalid    when no host is named
     * @throws CoreException.NotFound   when the snippet or a host is not in the vault
     */
    public SnippetRun runner(String reference, List<String> hostReferences, RunSettings settings) {
        VaultRecord record = snippets.require(reference);
        Snippet snippet = snippets.itemOf(record);
        if (hostReferences.isEmpty()) {
            throw new CoreException.Invalid("Name at least one host to run the snippet on.",
                    Map.of("hosts", "Name at least one host."));
        }
        Map<String, SnippetRun.Target> targets = new LinkedHashMap<>();
        for (String hostReference : hostReferences) {
            VaultRecord host = connections.hostRecord(hostReference);
            targets.putIfAbsent(host.id(), new SnippetRun.Target(host.id(), (Host) host.item()));
        }
        return new SnippetRun(record.id(), snippet.name(), snippet.command(), new ArrayList<>(targets.values()), connections,
                settings);
    }

    private Snippet checked(String name, String command, List<String> tags) {
        String checkedName = snippets.checkedName(name);
        if (command == null || command.isBlank()) {
            String message = "A snippet needs a command.";
            throw new CoreException.Invalid(message, Map.of("command", message));
        }
        return new Snippet(checkedName, command.strip(), tags == null ? List.of() : tags);
    }
}
