package dev.termvault.vault.sync;

import java.util.UUID;

/**
 * A record version as the server served it, not yet checked: its id, revision and envelope (null for a
 * tombstone). {@code VaultSync.open(List)} turns it into a {@link RemoteVersion}.
 */
public record ServedRecord(UUID recordId, long revision, byte[] envelope) {

    @Override
    public String toString() {
        return "ServedRecord[" + recordId + ", revision=" + revision + (envelope == null ? ", deleted" : "") + "]";
    }
}
