package dev.termvault.vault.internal.store;

import java.util.UUID;

/**
 * One stored record: its ids, revision and envelope (null for a tombstone). Never any content in clear.
 *
 * @param recordId   the record id
 * @param revision   the record's revision, 1 for the first write
 * @param envelope   the sealed envelope; null when {@code deleted}
 * @param deleted    whether this is a tombstone
 * @param keyVersion vault-key version of the envelope's key slot (0 for a tombstone)
 */
public record RecordRow(UUID recordId, long revision, byte[] envelope, boolean deleted, int keyVersion) {

    /** A live record's row. */
    public static RecordRow live(UUID recordId, long revision, byte[] envelope, int keyVersion) {
        return new RecordRow(recordId, revision, envelope, false, keyVersion);
    }

    /** A tombstone's row. */
    public static RecordRow tombstone(UUID recordId, long revision) {
        return new RecordRow(recordId, revision, null, true, 0);
    }

    @Override
    public String toString() {
        return "RecordRow[" + recordId + ", revision=" + revision + (deleted ? ", deleted" : "") + "]";
    }
}
