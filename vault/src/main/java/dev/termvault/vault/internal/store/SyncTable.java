package dev.termvault.vault.internal.store;

import dev.termvault.vault.sync.PendingChange;
import dev.termvault.vault.sync.SyncBase;
import dev.termvault.vault.sync.SyncLink;
import dev.termvault.vault.sync.SyncState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** SQL for the sync bookkeeping: dirty records, sync bases, cursors and the account link. */
final class SyncTable {

    /** How many ids go into one {@code IN (...)} list. */
    private static final int IN_CHUNK = 500;
    private static final String PUT_BASE = "INSERT INTO sync_base (vault_id, record_id, revision, envelope)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (vault_id, record_id) DO UPDATE SET revision = excluded.revision,"
            + " envelope = excluded.envelope";
    private static final String REPLACE_RECORD = "INSERT INTO record (vault_id, record_id, revision, envelope,"
            + " deleted, key_version, base_revision, dirty, updated_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (vault_id, record_id) DO UPDATE SET revision = excluded.revision,"
            + " envelope = excluded.envelope, deleted = excluded.deleted, key_version = excluded.key_version,"
            + " base_revision = excluded.base_revision, dirty = excluded.dirty,"
            + " updated_seq = excluded.updated_seq";
    private static final String DELETE_OUTBOX = "DELETE FROM outbox WHERE vault_id = ? AND record_id = ?";

    private SyncTable() {
    }

    static List<PendingChange> pending(Connection c, UUID vaultId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT record_id, revision, envelope, deleted, base_revision"
                + " FROM record WHERE vault_id = ? AND dirty = 1 ORDER BY updated_seq, record_id LIMIT ?")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            ps.setInt(2, limit);
            return VaultStore.list(ps, rs -> new PendingChange(Ids.uuid(rs.getBytes(1)), rs.getLong(5), rs.getLong(2),
                    rs.getBytes(3), rs.getInt(4) != 0));
        }
    }

    static List<UUID> rewrappedOnly(Connection c, UUID vaultId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT record_id FROM record WHERE vault_id = ? AND dirty = 1"
                + " AND deleted = 0 AND revision = base_revision ORDER BY updated_seq, record_id LIMIT ?")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            ps.setInt(2, limit);
            return VaultStore.list(ps, rs -> Ids.uuid(rs.getBytes(1)));
        }
    }

    static int pendingCount(Connection c, UUID vaultId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM record WHERE vault_id = ? AND dirty = 1")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static Optional<SyncBase> base(Connection c, UUID vaultId, UUID recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT revision, envelope FROM sync_base"
                + " WHERE vault_id = ? AND record_id = ?")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            ps.setBytes(2, Ids.bytes(recordId));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new SyncBase(recordId, rs.getLong(1), rs.getBytes(2))) : Optional.empty();
            }
        }
    }

    static List<SyncBase> liveBases(Connection c, UUID vaultId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT record_id, revision, envelope FROM sync_base"
                + " WHERE vault_id = ?")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            return VaultStore.list(ps, rs -> new SyncBase(Ids.uuid(rs.getBytes(1)), rs.getLong(2), rs.getBytes(3)));
        }
    }

    /** Base and local revisions of the given records, in a few queries; every id gets an entry. */
    static Map<UUID, SyncState> states(Connection c, UUID vaultId, List<UUID> ids) throws SQLException {
        Map<UUID, Long> bases = new HashMap<>();
        Map<UUID, Long> locals = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            revisions(c, "sync_base", vaultId, chunk, bases);
            revisions(c, "record", vaultId, chunk, locals);
        }
        Map<UUID, SyncState> states = new HashMap<>();
        for (UUID id : ids) {
            Long base = bases.get(id);
            Long local = locals.get(id);
            states.put(id, new SyncState(id, base == null ? OptionalLong.empty() : OptionalLong.of(base),
                    local == null ? OptionalLong.empty() : OptionalLong.of(local)));
        }
        return states;
    }

    private static void revisions(Connection c, String table, UUID vaultId, List<UUID> ids, Map<UUID, Long> into)
            throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT record_id, revision FROM " + table
                + " WHERE vault_id = ? AND record_id IN (" + marks + ")")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            for (int i = 0; i < ids.size(); i++) {
                ps.setBytes(i + 2, Ids.bytes(ids.get(i)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.put(Ids.uuid(rs.getBytes(1)), rs.getLong(2));
                }
            }
        }
    }

    /**
     * Stores versions from the server as the records' bases and as the records themselves (clean, their
     * outbox rows removed), each statement prepared once for the whole list.
     */
    static void storeRemote(Connection c, UUID vaultId, List<RecordRow> rows, long seq) throws SQLException {
        try (PreparedStatement base = c.prepareStatement(PUT_BASE);
             PreparedStatement record = c.prepareStatement(REPLACE_RECORD);
             PreparedStatement outbox = c.prepareStatement(DELETE_OUTBOX)) {
            for (RecordRow row : rows) {
                bindBase(base, vaultId, row.recordId(), row.revision(), row.envelope());
                base.executeUpdate();
                bindRecord(record, vaultId, row, row.revision(), false, seq);
                record.executeUpdate();
                outbox.setBytes(1, Ids.bytes(vaultId));
                outbox.setBytes(2, Ids.bytes(row.recordId()));
                outbox.executeUpdate();
            }
        }
    }

    static void putBase(Connection c, UUID vaultId, UUID recordId, long revision, byte[] envelope)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PUT_BASE)) {
            bindBase(ps, vaultId, recordId, revision, envelope);
            ps.executeUpdate();
        }
    }

    private static void bindBase(PreparedStatement ps, UUID vaultId, UUID recordId, long revision, byte[] envelope)
            throws SQLException {
        ps.setBytes(1, Ids.bytes(vaultId));
        ps.setBytes(2, Ids.bytes(recordId));
        ps.setLong(3, revision);
        if (envelope == null) {
            ps.setNull(4, Types.BLOB);
        } else {
            ps.setBytes(4, envelope);
        }
    }

    /** Marks the record clean if it is still at {@code revision}; otherwise only moves its base revision. */
    static void acknowledge(Connection c, UUID vaultId, UUID recordId, long revision) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE record SET dirty = CASE WHEN revision = ? THEN 0"
                + " ELSE dirty END, base_revision = ? WHERE vault_id = ? AND record_id = ?")) {
            ps.setLong(1, revision);
            ps.setLong(2, revision);
            ps.setBytes(3, Ids.bytes(vaultId));
            ps.setBytes(4, Ids.bytes(recordId));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE vault_id = ? AND record_id = ?"
                + " AND revision <= ?")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            ps.setBytes(2, Ids.bytes(recordId));
            ps.setLong(3, revision);
            ps.executeUpdate();
        }
    }

    /** Replaces a record with a version from the server (or a merge of it); no outbox row unless dirty. */
    static void replaceRecord(Connection c, UUID vaultId, RecordRow row, long baseRevision, boolean dirty, long seq)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(REPLACE_RECORD)) {
            bindRecord(ps, vaultId, row, baseRevision, dirty, seq);
            ps.executeUpdate();
        }
        if (dirty) {
            OutboxTable.add(c, vaultId, row.recordId(), row.revision(), row.deleted() ? RecordTable.OP_DELETE
                    : RecordTable.OP_PUT, seq);
        } else {
            try (PreparedStatement ps = c.prepareStatement(DELETE_OUTBOX)) {
                ps.setBytes(1, Ids.bytes(vaultId));
                ps.setBytes(2, Ids.bytes(row.recordId()));
                ps.executeUpdate();
            }
        }
    }

    private static void bindRecord(PreparedStatement ps, UUID vaultId, RecordRow row, long baseRevision,
                                   boolean dirty, long seq) throws SQLException {
        ps.setBytes(1, Ids.bytes(vaultId));
        ps.setBytes(2, Ids.bytes(row.recordId()));
        ps.setLong(3, row.revision());
        if (row.deleted()) {
            ps.setNull(4, Types.BLOB);
        } else {
            ps.setBytes(4, row.envelope());
        }
        ps.setInt(5, row.deleted() ? 1 : 0);
        ps.setInt(6, row.keyVersion());
        ps.setLong(7, baseRevision);
        ps.setInt(8, dirty ? 1 : 0);
        ps.setLong(9, seq);
    }

    static long cursor(Connection c, UUID vaultId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sync_cursor FROM vault WHERE vault_id = ?")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static void setCursor(Connection c, UUID vaultId, long cursor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE vault SET sync_cursor = ? WHERE vault_id = ?")) {
            ps.setLong(1, cursor);
            ps.setBytes(2, Ids.bytes(vaultId));
            ps.executeUpdate();
        }
    }

    static Optional<SyncLink> link(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT server_url, fingerprint, email, account_id FROM sync_link");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new SyncLink(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4))) : Optional.empty();
        }
    }

    static void putLink(Connection c, SyncLink link) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO sync_link (id, server_url, fingerprint,"
                + " email, account_id, linked_at) VALUES (1, ?, ?, ?, ?, ?)")) {
            ps.setString(1, link.serverUrl());
            ps.setString(2, link.fingerprint());
            ps.setString(3, link.email());
            ps.setString(4, link.accountId());
            ps.setLong(5, System.currentTimeMillis());
            ps.executeUpdate();
        }
    }
}
