package dev.termvault.sync.server.blobs.store;

import dev.termvault.sync.protocol.blobs.WrappedVaultKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The {@code vault_keys} rows: each vault's wrapped keys, one per key version. */
final class StoredKeys {

    private StoredKeys() {
    }

    /** The wrap of one key version, if stored. */
    static Optional<byte[]> find(Connection c, String vaultId, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT wrapped_key FROM vault_keys WHERE vault_id = ? AND key_version = ?")) {
            ps.setString(1, vaultId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** Every wrap of {@code vaultId}, by key version. */
    static Map<Integer, byte[]> all(Connection c, String vaultId) throws SQLException {
        Map<Integer, byte[]> stored = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT key_version, wrapped_key FROM vault_keys WHERE vault_id = ?")) {
            ps.setString(1, vaultId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getInt(1), rs.getBytes(2));
                }
            }
        }
        return stored;
    }

    /** Every wrap of {@code vaultId} as the protocol sends them, oldest version first. */
    static List<WrappedVaultKey> list(Connection c, String vaultId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT key_version, wrapped_key FROM vault_keys WHERE vault_id = ? ORDER BY key_version")) {
            ps.setString(1, vaultId);
            List<WrappedVaultKey> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new WrappedVaultKey(rs.getInt(1), rs.getBytes(2)));
                }
            }
            return out;
        }
    }

    static void insert(Connection c, String vaultId, int version, byte[] wrapped, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO vault_keys (vault_id, key_version, wrapped_key, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, vaultId);
            ps.setInt(2, version);
            ps.setBytes(3, wrapped);
            ps.setLong(4, now);
            ps.executeUpdate();
        }
    }

    /** Replaces the wraps of the given key versions. */
    static void replace(Connection c, String vaultId, Map<Integer, byte[]> wraps) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE vault_keys SET wrapped_key = ? WHERE vault_id = ? AND key_version = ?")) {
            for (Map.Entry<Integer, byte[]> e : wraps.entrySet()) {
                ps.setBytes(1, e.getValue());
                ps.setString(2, vaultId);
                ps.setInt(3, e.getKey());
                ps.executeUpdate();
            }
        }
    }
}
