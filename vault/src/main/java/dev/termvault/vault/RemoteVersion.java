package dev.termvault.vault;

import dev.termvault.vault.model.Item;
import java.util.UUID;

/**
 * A record version from the server that has been checked: its envelope opened as this record at this
 * revision of this vault (or it is a tombstone). Only {@link VaultSync#open(java.util.List)} makes one, so a
 * version handed to {@link VaultSync#acceptRemote} has always been opened first.
 */
public final class RemoteVersion {

    private final UUID recordId;
    private final long revision;
    private final byte[] envelope;
    private final Item item;

    RemoteVersion(UUID recordId, long revision, byte[] envelope, Item item) {
        this.recordId = recordId;
        this.revision = revision;
        this.envelope = envelope;
        this.item = item;
    }

    public UUID recordId() {
        return recordId;
    }

    public long revision() {
        return revision;
    }

    /** The envelope as served; null for a tombstone. */
    public byte[] envelope() {
        return envelope;
    }

    /** The record's content; null for a tombstone. */
    public Item item() {
        return item;
    }

    public boolean deleted() {
        return envelope == null;
    }

    @Override
    public String toString() {
        return "RemoteVersion[" + recordId + ", revision=" + revision + (deleted() ? ", deleted" : "") + "]";
    }
}
