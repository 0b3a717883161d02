package dev.termvault.vault.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** SQL for the outbox table. */
final class OutboxTable {

    private OutboxTable() {
    }

    static void add(Connection c, UUID vaultId, UUID recordId, long revision, String operation, long seq)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (vault_id, record_id, revision, operation,"
                + " created_seq) VALUES (?, ?, ?, ?, ?)")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            ps.setBytes(2, Ids.bytes(recordId));
            ps.setLong(3, revision);
            ps.setString(4, operation);
            ps.setLong(5, seq);
            ps.executeUpdate();
        }
    }

    static List<OutboxEntry> read(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, vault_id, record_id, revision, operation,"
                + " created_seq FROM outbox ORDER BY seq LIMIT ?")) {
            ps.setInt(1, limit);
            return VaultStore.list(ps, rs -> new OutboxEntry(rs.getLong(1), Ids.uuid(rs.getBytes(2)),
                    Ids.uuid(rs.getBytes(3)), rs.getLong(4), rs.getString(5), rs.getLong(6)));
        }
    }
}
