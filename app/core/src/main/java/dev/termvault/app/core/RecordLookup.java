package dev.termvault.app.core;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.ItemType;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Finds one record of a type by what a person calls it: its name exactly, else the one name equal ignoring case,
 * else its record id or a unique prefix of at least six characters of it. Both front ends resolve references
 * here, so "web-01" means the same record in the CLI and the desktop app.
 */
public final class RecordLookup {

    private static final int MIN_ID_PREFIX = 6;

    private RecordLookup() {
    }

    /**
     * The record of {@code type} that {@code reference} names.
     *
     * @param noun  what the type is called in a message ("host", "key")
     * @param name  a record's name (a host's label, a key's name)
     * @throws CoreException.NotFound   when none answers (or {@link CoreException.Unreadable} when some records
     *                                  could not be read and it may be one of them)
     * @throws CoreException.Ambiguous  when several answer
     */
    public static VaultRecord require(Vault vault, ItemType type, String noun, String reference,
            Function<VaultRecord, String> name) {
        List<VaultRecord> records = vault.list(type);
        List<VaultRecord> exact = records.stream().filter(r -> name.apply(r).equals(reference)).toList();
        if (exact.size() == 1) {
            return exact.get(0);
        }
        String folded = reference.toLowerCase(Locale.ROOT);
        List<VaultRecord> loose = exact.isEmpty()
                ? records.stream().filter(r -> name.apply(r).toLowerCase(Locale.ROOT).equals(folded)).toList()
                : exact;
        if (loose.size() == 1) {
            return loose.get(0);
        }
        if (loose.size() > 1) {
            throw ambiguous(noun, reference, loose, name);
        }
        List<VaultRecord> byId = records.stream()
                .filter(r -> r.id().equals(reference)
                        || (reference.length() >= MIN_ID_PREFIX && r.id().startsWith(reference)))
                .toList();
        if (byId.size() == 1) {
            return byId.get(0);
        }
        if (byId.size() > 1) {
            throw ambiguous(noun, reference, byId, name);
        }
        List<String> unreadable = vault.unreadable();
        if (!unreadable.isEmpty()) {
            throw new CoreException.Unreadable("No readable " + noun + " is called \"" + reference + "\", and "
                    + unreadable.size() + " record(s) could not be read (damaged or tampered): "
                    + String.join(", ", unreadable) + ". The " + noun + " may be one of them.");
        }
        throw new CoreException.NotFound("No " + noun + " is called \"" + reference + "\".");
    }

    private static CoreException.Ambiguous ambiguous(String noun, String reference, List<VaultRecord> matches,
            Function<VaultRecord, String> name) {
        List<String> names = matches.stream().map(r -> name.apply(r) + " (" + r.id() + ")").toList();
        return new CoreException.Ambiguous("Several " + noun + "s answer to \"" + reference + "\": "
                + String.join(", ", names) + ". Use the record id.", names);
    }
}
