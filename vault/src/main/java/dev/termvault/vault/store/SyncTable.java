package dev.termvault.vault.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for the sync bookkeeping: dirty records, sync bases, cursors and the account link. */
final class SyncTable {

    private SyncTable() {
    }

    static List<PendingRow> pending(Connection c, UUID vaultId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT record_id, revision, envelope, deleted, base_revision"
                + " FROM record WHERE vault_id = ? AND dirty = 1 ORDER BY updated_seq, record_id LIMIT ?")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            ps.setInt(2, limit);
            return VaultStore.list(ps, rs -> new PendingRow(Ids.uuid(rs.getBytes(1)), rs.getLong(5), rs.getLong(2),
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

    static void putBase(Connection c, UUID vaultId, UUID recordId, long revision, byte[] envelope)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_base (vault_id, record_id, revision, envelope)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (vault_id, record_id) DO UPDATE SET revision = excluded.revision,"
                + " envelope = excluded.envelope")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            ps.setBytes(2, Ids.bytes(recordId));
            ps.setLong(3, revision);
            if (envelope == null) {
                ps.setNull(4, Types.BLOB);
            } else {
                ps.setBytes(4, envelope);
            }
            ps.executeUpdate();
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
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO record (vault_id, record_id, revision, envelope,"
                + " deleted, key_version, base_revision, dirty, updated_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (vault_id, record_id) DO UPDATE SET revision = excluded.revision,"
                + " envelope = excluded.envelope, deleted = excluded.deleted, key_version = excluded.key_version,"
                + " base_revision = excluded.base_revision, dirty = excluded.dirty,"
                + " updated_seq = excluded.updated_seq")) {
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
            ps.executeUpdate();
        }
        if (dirty) {
            OutboxTable.add(c, vaultId, row.recordId(), row.revision(), row.deleted() ? RecordTable.OP_DELETE
                    : RecordTable.OP_PUT, seq);
        } else {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE vault_id = ? AND record_id = ?")) {
                ps.setBytes(1, Ids.bytes(vaultId));
                ps.setBytes(2, Ids.bytes(row.recordId()));
                ps.executeUpdate();
            }
        }
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
