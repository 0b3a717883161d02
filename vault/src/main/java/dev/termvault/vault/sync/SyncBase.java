package dev.termvault.vault.sync;

import java.util.UUID;

/** The last agreed (server) version of a record: its revision and envelope, null for a tombstone. */
public record SyncBase(UUID recordId, long revision, byte[] envelope) {

    public boolean deleted() {
        return envelope == null;
    }

    @Override
    public String toString() {
        return "SyncBase[" + recordId + ", revision=" + revision + (envelope == null ? ", deleted" : "") + "]";
    }
}
