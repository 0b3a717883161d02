package dev.termvault.vault.sync;

import java.util.UUID;

/**
 * A record with a local change the server has not acknowledged: its current revision and envelope (null for
 * a tombstone) and the revision the change was based on (0 for a record the server has never seen).
 */
public record PendingChange(UUID recordId, long baseRevision, long revision, byte[] envelope, boolean deleted) {

    @Override
    public String toString() {
        return "PendingChange[" + recordId + ", base=" + baseRevision + ", revision=" + revision
                + (deleted ? ", deleted" : "") + "]";
    }
}
