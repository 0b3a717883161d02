package dev.termvault.vault.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for the record table (and the outbox rows its writes add). */
final class RecordTable {

    static final String OP_PUT = "PUT";
    static final String OP_DELETE = "DELETE";
    static final String OP_REWRAP = "REWRAP";

    List<RecordRow> live(Connection c, UUID vaultId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT record_id, revision, envelope, key_version FROM record"
                + " WHERE vault_id = ? AND deleted = 0")) {
            ps.setFetchSize(1000);
            ps.setBytes(1, Ids.bytes(vaultId));
            return VaultStore.list(ps, rs -> RecordRow.live(Ids.uuid(rs.getBytes(1)), rs.getLong(2), rs.getBytes(3),
                    rs.getInt(4)));
        }
    }

    Optional<RecordRow> find(Connection c, UUID vaultId, UUID recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT revision, envelope, deleted, key_version FROM record"
                + " WHERE vault_id = ? AND record_id = ?")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            ps.setBytes(2, Ids.bytes(recordId));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RecordRow(recordId, rs.getLong(1), rs.getBytes(2), rs.getInt(3) != 0,
                        rs.getInt(4)));
            }
        }
    }

    List<RecordRow> notUnder(Connection c, UUID vaultId, int keyVersion, UUID after, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT record_id, revision, envelope, key_version FROM record"
                + " WHERE vault_id = ? AND deleted = 0 AND key_version <> ? AND record_id > ?"
                + " ORDER BY record_id LIMIT ?")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            ps.setInt(2, keyVersion);
            ps.setBytes(3, after == null ? new byte[0] : Ids.bytes(after));
            ps.setInt(4, limit);
            return VaultStore.list(ps, rs -> RecordRow.live(Ids.uuid(rs.getBytes(1)), rs.getLong(2), rs.getBytes(3),
                    rs.getInt(4)));
        }
    }

    /** The next local change sequence. */
    long nextSequence(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(updated_seq), 0) + 1 FROM record");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void write(Connection c, UUID vaultId, RecordRow row, long seq) throws SQLException {
        Optional<RecordRow> stored = find(c, vaultId, row.recordId());
        long expected = stored.map(s -> s.revision() + 1).orElse(1L);
        if (row.revision() != expected) {
            throw new VaultStoreException("Record " + row.recordId() + " changed meanwhile (revision "
                    + stored.map(RecordRow::revision).orElse(0L) + ")");
        }
        String sql = stored.isPresent()
                ? "UPDATE record SET revision = ?, envelope = ?, deleted = ?, key_version = ?, dirty = 1,"
                        + " updated_seq = ? WHERE vault_id = ? AND record_id = ?"
                : "INSERT INTO record (revision, envelope, deleted, key_version, dirty, updated_seq, vault_id,"
                        + " record_id) VALUES (?, ?, ?, ?, 1, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, row.revision());
            if (row.deleted()) {
                ps.setNull(2, Types.BLOB);
            } else {
                ps.setBytes(2, row.envelope());
            }
            ps.setInt(3, row.deleted() ? 1 : 0);
            ps.setInt(4, row.keyVersion());
            ps.setLong(5, seq);
            ps.setBytes(6, Ids.bytes(vaultId));
            ps.setBytes(7, Ids.bytes(row.recordId()));
            ps.executeUpdate();
        }
        OutboxTable.add(c, vaultId, row.recordId(), row.revision(), row.deleted() ? OP_DELETE : OP_PUT, seq);
    }

    /** Replaces a live envelope at the same revision; 0 when the row moved on (or was deleted) meanwhile. */
    int rewrap(Connection c, UUID vaultId, RecordRow row, long seq) throws SQLException {
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE record SET envelope = ?, key_version = ?, dirty = 1,"
                + " updated_seq = ? WHERE vault_id = ? AND record_id = ? AND revision = ? AND deleted = 0")) {
            ps.setBytes(1, row.envelope());
            ps.setInt(2, row.keyVersion());
            ps.setLong(3, seq);
            ps.setBytes(4, Ids.bytes(vaultId));
            ps.setBytes(5, Ids.bytes(row.recordId()));
            ps.setLong(6, row.revision());
            updated = ps.executeUpdate();
        }
        if (updated == 1) {
            OutboxTable.add(c, vaultId, row.recordId(), row.revision(), OP_REWRAP, seq);
        }
        return updated;
    }
}
