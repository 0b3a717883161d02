package dev.termvault.vault.internal.store;

import dev.termvault.vault.sync.PendingChange;
import dev.termvault.vault.sync.SyncBase;
import dev.termvault.vault.sync.SyncLink;
import dev.termvault.vault.sync.SyncState;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The sync client's part of the vault file ({@link VaultStore#sync()}): the outbox of local changes, each
 * record's last agreed server version (its base), the pull cursor and the link to a sync account. Like the
 * rest of the store it holds only envelopes; every write method is one transaction. Not thread-safe: the
 * caller serialises access.
 */
public final class SyncStore {

    private final SqliteDatabase db;
    private final RecordTable records;

    SyncStore(SqliteDatabase db, RecordTable records) {
        this.db = db;
        this.records = records;
    }

    // ---- outbox -----------------------------------------------------------------------------------

    /** The outbox, oldest first. */
    public List<OutboxEntry> outbox(int limit) {
        return db.read("read the outbox", c -> OutboxTable.read(c, limit));
    }

    /** Removes outbox entries up to and including {@code seq} (after the server acknowledged them). */
    public void removeOutboxThrough(long seq) {
        db.transaction("update the outbox", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE seq <= ?")) {
                ps.setLong(1, seq);
                ps.executeUpdate();
            }
            return null;
        });
    }

    // ---- pending changes, bases, cursor, link -----------------------------------------------------

    /**
     * Ids of live records whose only pending change is a re-wrap (a vault-key rotation changed their key slot
     * at the revision the server already holds), at most {@code limit}.
     */
    public List<UUID> rewrappedOnly(UUID vaultId, int limit) {
        return db.read("read the pending changes", c -> SyncTable.rewrappedOnly(c, vaultId, limit));
    }

    /** Up to {@code limit} records with unacknowledged local changes, oldest change first. */
    public List<PendingChange> pending(UUID vaultId, int limit) {
        return db.read("read the pending changes", c -> SyncTable.pending(c, vaultId, limit));
    }

    /** How many records have unacknowledged local changes. */
    public int pendingCount(UUID vaultId) {
        return db.read("read the pending changes", c -> SyncTable.pendingCount(c, vaultId));
    }

    /** The last agreed server version of a record. */
    public Optional<SyncBase> base(UUID vaultId, UUID recordId) {
        return db.read("read a sync base", c -> SyncTable.base(c, vaultId, recordId));
    }

    /** Base and local revisions of the given records (one entry per id), read in a few queries. */
    public Map<UUID, SyncState> states(UUID vaultId, List<UUID> recordIds) {
        return db.read("read the sync state", c -> SyncTable.states(c, vaultId, recordIds));
    }

    /** Every record's last agreed server version (tombstones included). */
    public List<SyncBase> bases(UUID vaultId) {
        return db.read("read the sync bases", c -> SyncTable.liveBases(c, vaultId));
    }

    /**
     * The server stored these pushed changes as sent (each row's revision and envelope, null for a delete):
     * each becomes its record's base, a record is clean if it did not change meanwhile, its outbox rows go;
     * one transaction.
     */
    public void acknowledge(UUID vaultId, List<PendingChange> pushed) {
        db.transaction("record pushed changes", c -> {
            for (PendingChange row : pushed) {
                SyncTable.putBase(c, vaultId, row.recordId(), row.revision(), row.deleted() ? null : row.envelope());
                SyncTable.acknowledge(c, vaultId, row.recordId(), row.revision());
            }
            return null;
        });
    }

    /**
     * Stores a version received from the server as the record's new base, and as the record itself
     * ({@code local == null}) or with {@code local} (a merge still to push, kept dirty) in its place; one
     * transaction.
     */
    public void storeRemote(UUID vaultId, RecordRow remote, RecordRow local) {
        db.transaction("store a synced change", c -> {
            long seq = records.nextSequence(c);
            SyncTable.putBase(c, vaultId, remote.recordId(), remote.revision(), remote.envelope());
            if (local == null) {
                SyncTable.replaceRecord(c, vaultId, remote, remote.revision(), false, seq);
            } else {
                SyncTable.replaceRecord(c, vaultId, local, remote.revision(), true, seq);
            }
            return null;
        });
    }

    /**
     * Stores versions received from the server as their records' new bases and as the records themselves,
     * and (unless {@code cursor} is null) the new sync cursor; one transaction.
     */
    public void storeRemote(UUID vaultId, List<RecordRow> remotes, Long cursor) {
        db.transaction("store synced changes", c -> {
            SyncTable.storeRemote(c, vaultId, remotes, records.nextSequence(c));
            if (cursor != null) {
                SyncTable.setCursor(c, vaultId, cursor);
            }
            return null;
        });
    }

    /** The last server cursor pulled for {@code vaultId} (the vault's high-water mark). */
    public long cursor(UUID vaultId) {
        return db.read("read the sync cursor", c -> SyncTable.cursor(c, vaultId));
    }

    /** Stores the last server cursor pulled. */
    public void setCursor(UUID vaultId, long cursor) {
        db.transaction("store the sync cursor", c -> {
            SyncTable.setCursor(c, vaultId, cursor);
            return null;
        });
    }

    /** The sync account this folder is linked to, if any. */
    public Optional<SyncLink> link() {
        return db.read("read the sync link", SyncTable::link);
    }

    /** Links this folder to a sync account, replacing any previous link. */
    public void putLink(SyncLink link) {
        db.transaction("store the sync link", c -> {
            SyncTable.putLink(c, link);
            return null;
        });
    }
}
