package dev.termvault.vault.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** SQL for the account, device, vault and vault_key tables. */
final class AccountTable {

    private AccountTable() {
    }

    static Optional<AccountRow> read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT account_id, format_version, kdf_salt, kdf_memory_kib,"
                + " kdf_iterations, kdf_parallelism, secret_key, wrapped_share, share_source FROM account WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new AccountRow(rs.getBytes(1), rs.getInt(2), rs.getBytes(3), rs.getInt(4), rs.getInt(5),
                    rs.getInt(6), rs.getBytes(7), rs.getBytes(8), rs.getString(9)));
        }
    }

    static void insert(Connection c, AccountRow a, UUID deviceId) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO account (id, account_id, format_version, kdf_salt,"
                + " kdf_memory_kib, kdf_iterations, kdf_parallelism, secret_key, wrapped_share, share_source, created_at)"
                + " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setBytes(1, a.accountId());
            ps.setInt(2, a.formatVersion());
            ps.setBytes(3, a.kdfSalt());
            ps.setInt(4, a.kdfMemoryKib());
            ps.setInt(5, a.kdfIterations());
            ps.setInt(6, a.kdfParallelism());
            ps.setBytes(7, a.secretKey());
            ps.setBytes(8, a.wrappedShare());
            ps.setString(9, a.shareSource());
            ps.setLong(10, now);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device (id, device_id, created_at) VALUES (1, ?, ?)")) {
            ps.setBytes(1, Ids.bytes(deviceId));
            ps.setLong(2, now);
            ps.executeUpdate();
        }
    }

    static void updateCredentials(Connection c, byte[] expectedSalt, AccountRow a) throws SQLException {
        Optional<AccountRow> current = read(c);
        if (current.isEmpty() || !Arrays.equals(current.get().kdfSalt(), expectedSalt)) {
            throw new VaultStoreException("The password was changed meanwhile by another Termvault");
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE account SET kdf_salt = ?, kdf_memory_kib = ?,"
                + " kdf_iterations = ?, kdf_parallelism = ?, wrapped_share = ? WHERE id = 1")) {
            ps.setBytes(1, a.kdfSalt());
            ps.setInt(2, a.kdfMemoryKib());
            ps.setInt(3, a.kdfIterations());
            ps.setInt(4, a.kdfParallelism());
            ps.setBytes(5, a.wrappedShare());
            ps.executeUpdate();
        }
    }

    static UUID deviceId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT device_id FROM device WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new VaultStoreException("The vault has no device row");
            }
            return Ids.uuid(rs.getBytes(1));
        }
    }

    static void insertVault(Connection c, UUID vaultId, int keyVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO vault (vault_id, current_key_version) VALUES (?, ?)")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            ps.setInt(2, keyVersion);
            ps.executeUpdate();
        }
    }

    static UUID primaryVaultId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT vault_id FROM vault ORDER BY rowid LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new VaultStoreException("The vault database holds no vault");
            }
            return Ids.uuid(rs.getBytes(1));
        }
    }

    static int currentKeyVersion(Connection c, UUID vaultId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_key_version FROM vault WHERE vault_id = ?")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new VaultStoreException("Unknown vault");
                }
                return rs.getInt(1);
            }
        }
    }

    static void setCurrentKeyVersion(Connection c, UUID vaultId, int keyVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE vault SET current_key_version = ? WHERE vault_id = ?")) {
            ps.setInt(1, keyVersion);
            ps.setBytes(2, Ids.bytes(vaultId));
            ps.executeUpdate();
        }
    }

    static Map<Integer, byte[]> wrappedKeys(Connection c, UUID vaultId) throws SQLException {
        Map<Integer, byte[]> keys = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT key_version, wrapped_key FROM vault_key WHERE vault_id = ? ORDER BY key_version")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.put(rs.getInt(1), rs.getBytes(2));
                }
            }
        }
        return keys;
    }

    static void insertVaultKey(Connection c, UUID vaultId, int keyVersion, byte[] wrapped) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO vault_key (vault_id, key_version, wrapped_key) VALUES (?, ?, ?)")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            ps.setInt(2, keyVersion);
            ps.setBytes(3, wrapped);
            ps.executeUpdate();
        }
    }

    static void updateVaultKey(Connection c, UUID vaultId, int keyVersion, byte[] wrapped) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE vault_key SET wrapped_key = ? WHERE vault_id = ? AND key_version = ?")) {
            ps.setBytes(1, wrapped);
            ps.setBytes(2, Ids.bytes(vaultId));
            ps.setInt(3, keyVersion);
            if (ps.executeUpdate() != 1) {
                throw new VaultStoreException("The vault keys changed while the password was being changed");
            }
        }
    }

    /** Deletes the keys other than {@code keep} that no live envelope uses. */
    static void deleteUnusedKeys(Connection c, UUID vaultId, int keep) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM vault_key WHERE vault_id = ? AND key_version <> ?"
                + " AND NOT EXISTS (SELECT 1 FROM record r WHERE r.vault_id = vault_key.vault_id AND r.deleted = 0"
                + " AND r.key_version = vault_key.key_version)")) {
            ps.setBytes(1, Ids.bytes(vaultId));
            ps.setInt(2, keep);
            ps.executeUpdate();
        }
    }
}
