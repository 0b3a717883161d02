package dev.termvault.sync.server.blobs.store;

import dev.termvault.sync.protocol.blobs.Usage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The {@code blob_accounts} rows: how many bytes and records each account stores, against its quota. */
final class AccountUsage {

    private AccountUsage() {
    }

    /** Adds the account's row (no usage yet) unless it has one. */
    static void ensure(Connection c, String accountId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO blob_accounts (account_id, used_bytes, used_records)"
                + " VALUES (?, 0, 0) ON CONFLICT (account_id) DO NOTHING")) {
            ps.setString(1, accountId);
            ps.executeUpdate();
        }
    }

    /** Locks the account's usage row (a no-op update takes the row lock on PostgreSQL) and reads it. */
    static Usage lock(Connection c, String accountId, long maxBytes, long maxRecords) throws SQLException {
        ensure(c, accountId);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE blob_accounts SET used_bytes = used_bytes WHERE account_id = ?")) {
            ps.setString(1, accountId);
            ps.executeUpdate();
        }
        return read(c, accountId, maxBytes, maxRecords);
    }

    static Usage read(Connection c, String accountId, long maxBytes, long maxRecords) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT used_bytes, used_records FROM blob_accounts WHERE account_id = ?")) {
            ps.setString(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Usage(rs.getLong(1), rs.getLong(2), maxBytes, maxRecords)
                        : new Usage(0, 0, maxBytes, maxRecords);
            }
        }
    }

    static void save(Connection c, String accountId, long bytes, long records) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE blob_accounts SET used_bytes = ?, used_records = ? WHERE account_id = ?")) {
            ps.setLong(1, bytes);
            ps.setLong(2, records);
            ps.setString(3, accountId);
            ps.executeUpdate();
        }
    }
}
