package dev.termvault.vault.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** SQL for the key_rotation table. */
final class RotationTable {

    private RotationTable() {
    }

    static Optional<RotationRow> find(Connection c, UUID vaultId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT from_version, to_version FROM key_rotation WHERE vault_id = ?")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new RotationRow(vaultId, rs.getInt(1), rs.getInt(2))) : Optional.empty();
            }
        }
    }

    static void insert(Connection c, RotationRow r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO key_rotation (vault_id, from_version, to_version, started_at) VALUES (?, ?, ?, ?)")) {
            ps.setBytes(1, Ids.bytes(r.vaultId()));
            ps.setInt(2, r.fromVersion());
            ps.setInt(3, r.toVersion());
            ps.setLong(4, System.currentTimeMillis());
            ps.executeUpdate();
        }
    }

    static void delete(Connection c, UUID vaultId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM key_rotation WHERE vault_id = ?")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            ps.executeUpdate();
        }
    }
}
