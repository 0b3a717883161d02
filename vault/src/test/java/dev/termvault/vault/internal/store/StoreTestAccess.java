package dev.termvault.vault.internal.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What an attacker with write access to the vault file can do, and what tests need to look at, through
 * plain JDBC beside the vault's own connection.
 */
public final class StoreTestAccess {

    private StoreTestAccess() {
    }

    private static Connection connect(Path dir) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + VaultStore.file(dir).toAbsolutePath());
    }

    /** Flips one byte (XOR 0x01) of a record's stored envelope. */
    public static void flipEnvelopeByte(Path dir, String recordId, int offset) throws SQLException {
        try (Connection c = connect(dir)) {
            byte[] envelope;
            try (PreparedStatement ps = c.prepareStatement("SELECT envelope FROM record WHERE record_id = ?")) {
                ps.setBytes(1, Ids.bytes(UUID.fromString(recordId)));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    envelope = rs.getBytes(1);
                }
            }
            envelope[offset] ^= 0x01;
            try (PreparedStatement ps = c.prepareStatement("UPDATE record SET envelope = ? WHERE record_id = ?")) {
                ps.setBytes(1, envelope);
                ps.setBytes(2, Ids.bytes(UUID.fromString(recordId)));
                ps.executeUpdate();
            }
        }
    }

    /**
     * Makes every later write of a sync base for {@code recordId} fail inside the database (a trigger that
     * aborts the statement), as a full disk or an I/O error in the middle of a transaction would.
     */
    public static void failBaseWritesOf(Path dir, UUID recordId) throws SQLException {
        try (Connection c = connect(dir);
             java.sql.Statement st = c.createStatement()) {
            String hex = java.util.HexFormat.of().formatHex(Ids.bytes(recordId));
            st.executeUpdate("CREATE TRIGGER fail_base_write BEFORE INSERT ON sync_base WHEN NEW.record_id = x'"
                    + hex + "' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END");
        }
    }

    /** Overwrites the stored Argon2id parameters. */
    public static void setKdfParams(Path dir, int memoryKib, int iterations, int parallelism) throws SQLException {
        try (Connection c = connect(dir);
             PreparedStatement ps = c.prepareStatement("UPDATE account SET kdf_memory_kib = ?, kdf_iterations = ?,"
                     + " kdf_parallelism = ? WHERE id = 1")) {
            ps.setInt(1, memoryKib);
            ps.setInt(2, iterations);
            ps.setInt(3, parallelism);
            ps.executeUpdate();
        }
    }

    /** Every live record's envelope, by record id. */
    public static Map<String, byte[]> envelopes(Path dir) throws SQLException {
        Map<String, byte[]> result = new HashMap<>();
        try (Connection c = connect(dir);
             PreparedStatement ps = c.prepareStatement("SELECT record_id, envelope FROM record WHERE deleted = 0");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.put(Ids.uuid(rs.getBytes(1)).toString(), rs.getBytes(2));
            }
        }
        return result;
    }

    /** The number of rows of {@code table}. */
    public static int count(Path dir, String table) throws SQLException {
        try (Connection c = connect(dir);
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
