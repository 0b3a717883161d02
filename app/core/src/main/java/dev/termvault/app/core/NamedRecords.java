package dev.termvault.app.core;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Item;
import dev.termvault.vault.model.ItemType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The records of one type that a person picks by name (keys, credentials, snippets): finding one by reference,
 * keeping names unique, searching, adding and replacing. The use cases of each type build on it.
 *
 * @param <T> the record type
 */
public final class NamedRecords<T extends Item> {

    private final Vault vault;
    private final ItemType type;
    private final Class<T> itemClass;
    private final String noun;
    private final Function<T, String> name;

    /**
     * @param noun what the type is called in messages ("key", "credential")
     * @param name a record's name
     */
    public NamedRecords(Vault vault, ItemType type, Class<T> itemClass, String noun, Function<T, String> name) {
        this.vault = vault;
        this.type = type;
        this.itemClass = itemClass;
        this.noun = noun;
        this.name = name;
    }

    /** The record {@code reference} names (see {@link RecordLookup}). */
    public VaultRecord require(String reference) {
        return RecordLookup.require(vault, type, noun, reference, r -> name.apply(itemOf(r)));
    }

    public T itemOf(VaultRecord record) {
        return itemClass.cast(record.item());
    }

    /** Every record of the type, in list order. */
    public List<VaultRecord> list() {
        return vault.list(type);
    }

    /** The records of the type the vault's search finds (every word in some field; secrets are never searched). */
    public List<VaultRecord> search(String query) {
        return vault.search(query == null ? "" : query).stream().filter(r -> itemClass.isInstance(r.item())).toList();
    }

    /** A stripped name, or {@link CoreException.Invalid} for the field {@code name} when it is blank. */
    public String checkedName(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            String message = "A " + noun + " needs a name.";
            throw new CoreException.Invalid(message, Map.of("name", message));
        }
        return candidate.strip();
    }

    /**
     * @param exceptId the record being renamed (it may keep its own name), or null
     * @throws CoreException.AlreadyExists when another record of the type has that name
     */
    public void requireFreeName(String candidate, String exceptId) {
        boolean taken = vault.list(type).stream()
                .anyMatch(r -> name.apply(itemOf(r)).equals(candidate) && !r.id().equals(exceptId));
        if (taken) {
            throw new CoreException.AlreadyExists("A " + noun + " named \"" + candidate
                    + "\" already exists. Pick another name.");
        }
    }

    /** Stores a new record after checking its name is free. */
    public VaultRecord add(T item) {
        requireFreeName(name.apply(item), null);
        return vault.add(item);
    }

    /** Replaces the record {@code reference} names, after checking its (new) name is free. */
    public VaultRecord update(String reference, T item) {
        VaultRecord record = require(reference);
        requireFreeName(name.apply(item), record.id());
        return vault.update(record.id(), item);
    }

    /** Deletes the record. */
    public void delete(VaultRecord record) {
        vault.delete(record.id());
    }
}
