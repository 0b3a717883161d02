package dev.termvault.sync.server.blobs.store;

import dev.termvault.sync.protocol.blobs.Change;
import dev.termvault.sync.protocol.blobs.PushItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code records} rows: each record's latest envelope or tombstone, with its sequence number and size. */
final class StoredRecords {

    private StoredRecords() {
    }

    /** A stored record and the bytes it counts against the quota. */
    record Stored(Change change, long size) {
    }

    /** Up to {@code limit} records changed after sequence number {@code after}, in sequence order. */
    static List<Change> after(Connection c, String vaultId, long after, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT record_id, revision, seq, deleted, envelope FROM records"
                        + " WHERE vault_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
            ps.setString(1, vaultId);
            ps.setLong(2, after);
            ps.setInt(3, limit);
            List<Change> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(change(rs));
                }
            }
            return out;
        }
    }

    static Optional<Stored> find(Connection c, String vaultId, String recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT record_id, revision, seq, deleted, envelope, size FROM records WHERE vault_id = ? AND record_id = ?")) {
            ps.setString(1, vaultId);
            ps.setString(2, recordId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(change(rs), rs.getLong(6))) : Optional.empty();
            }
        }
    }

    /** Writes {@code item} at {@code seq}: an update when the record {@code exists}, else an insert. */
    static void write(Connection c, String vaultId, PushItem item, long seq, byte[] envelope, long size,
                      boolean exists, long now) throws SQLException {
        String sql = exists
                ? "UPDATE records SET revision = ?, seq = ?, deleted = ?, envelope = ?, size = ?, updated_at = ?"
                        + " WHERE vault_id = ? AND record_id = ?"
                : "INSERT INTO records (revision, seq, deleted, envelope, size, updated_at, vault_id, record_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, item.revision());
            ps.setLong(2, seq);
            ps.setInt(3, item.delete() ? 1 : 0);
            ps.setBytes(4, envelope);
            ps.setLong(5, size);
            ps.setLong(6, now);
            ps.setString(7, vaultId);
            ps.setString(8, item.recordId());
            ps.executeUpdate();
        }
    }

    private static Change change(ResultSet rs) throws SQLException {
        boolean deleted = rs.getInt(4) != 0;
        return new Change(rs.getString(1), rs.getLong(2), rs.getLong(3), deleted ? null : rs.getBytes(5), deleted);
    }
}
