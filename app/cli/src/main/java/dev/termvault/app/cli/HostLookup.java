package dev.termvault.app.cli;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds host records by label: an exact match first, else the one label equal ignoring case. */
final class HostLookup {

    private HostLookup() {
    }

    static Optional<VaultRecord> byLabel(Vault vault, String label) {
        List<VaultRecord> hosts = vault.list(ItemType.HOST);
        for (VaultRecord record : hosts) {
            if (((Host) record.item()).label().equals(label)) {
                return Optional.of(record);
            }
        }
        String folded = label.toLowerCase(Locale.ROOT);
        List<VaultRecord> loose = hosts.stream()
                .filter(r -> ((Host) r.item()).label().toLowerCase(Locale.ROOT).equals(folded))
                .toList();
        return loose.size() == 1 ? Optional.of(loose.get(0)) : Optional.empty();
    }

    /**
     * The host labelled {@code label}, or a failure that says why there is none: exit 3 when some records
     * could not be read (the host may be among them), exit 4 otherwise.
     */
    static VaultRecord require(Vault vault, String label) {
        Optional<VaultRecord> found = byLabel(vault, label);
        if (found.isPresent()) {
            return found.get();
        }
        List<String> unreadable = vault.unreadable();
        if (!unreadable.isEmpty()) {
            throw CliException.unreadable("No readable host is labelled \"" + label + "\", and "
                    + unreadable.size() + " record(s) could not be read (damaged or tampered): "
                    + String.join(", ", unreadable) + ". The host may be one of them.");
        }
        throw CliException.notFound("No host is labelled \"" + label + "\". See them all with: termvault hosts list");
    }
}
