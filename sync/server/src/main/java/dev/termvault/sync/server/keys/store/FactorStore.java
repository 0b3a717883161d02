package dev.termvault.sync.server.keys.store;

import dev.termvault.sync.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Second factors and recovery-code hashes. Every change is written with its audit entry in one transaction,
 * and every use is a conditional update, so two requests with the same answer cannot both pass.
 */
public final class FactorStore {

    private static final String COLUMNS = "account_id, kind, secret, counter, active, created_at, confirmed_at";

    private final Database db;
    private final Clock clock;

    public FactorStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Every factor of the account, active or not. */
    public List<StoredFactor> list(String accountId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM second_factors WHERE account_id = ? ORDER BY kind")) {
                ps.setString(1, accountId);
                List<StoredFactor> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(factor(rs));
                    }
                }
                return out;
            }
        });
    }

    /** Every stored factor of every account (for maintenance: re-wrapping after a master-key rotation). */
    public List<StoredFactor> all() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM second_factors ORDER BY account_id, kind");
                 ResultSet rs = ps.executeQuery()) {
                List<StoredFactor> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(factor(rs));
                }
                return out;
            }
        });
    }

    /** Replaces a factor's stored secret if it is still the one read; false when it changed meanwhile. */
    public boolean swapSecret(StoredFactor factor, byte[] replacement, AuditDraft event) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE second_factors SET secret = ? WHERE account_id = ? AND kind = ? AND secret = ?")) {
                ps.setBytes(1, replacement);
                ps.setString(2, factor.accountId());
                ps.setString(3, factor.kind());
                ps.setBytes(4, factor.secret());
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            AuditWriter.append(c, db.dialect(), factor.accountId(), clock.millis(), List.of(event));
            return true;
        });
    }

    /**
     * Stores a new, inactive factor in place of any inactive one of the account; false (nothing written) when
     * the account already has an active factor.
     */
    public boolean putPending(String accountId, String kind, byte[] secret, AuditDraft event) {
        long now = clock.millis();
        return db.transaction(c -> {
            if (AccountStore.exists(c, "SELECT 1 FROM second_factors WHERE active = 1 AND account_id = ?", accountId)) {
                return false;
            }
            update(c, "DELETE FROM second_factors WHERE account_id = ?", accountId);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO second_factors (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, 0, ?, ?)")) {
                ps.setString(1, accountId);
                ps.setString(2, kind);
                ps.setBytes(3, secret);
                ps.setLong(4, Long.MIN_VALUE);
                ps.setLong(5, now);
                ps.setNull(6, Types.BIGINT);
                ps.executeUpdate();
            }
            AuditWriter.append(c, db.dialect(), accountId, now, List.of(event));
            return true;
        });
    }

    /**
     * Activates the pending factor with its first accepted counter, replaces the account's recovery codes with
     * {@code codeHashes}, and audits; false when there is no such pending factor (or the counter is not new).
     */
    public boolean confirm(String accountId, String kind, long counter, List<byte[]> codeHashes, AuditDraft event) {
        long now = clock.millis();
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE second_factors SET active = 1, confirmed_at = ?,"
                    + " counter = ? WHERE account_id = ? AND kind = ? AND active = 0 AND counter < ?")) {
                ps.setLong(1, now);
                ps.setLong(2, counter);
                ps.setString(3, accountId);
                ps.setString(4, kind);
                ps.setLong(5, counter);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            update(c, "DELETE FROM recovery_codes WHERE account_id = ?", accountId);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO recovery_codes (account_id, code_hash, created_at, used_at) VALUES (?, ?, ?, ?)")) {
                for (byte[] hash : codeHashes) {
                    ps.setString(1, accountId);
                    ps.setBytes(2, hash);
                    ps.setLong(3, now);
                    ps.setNull(4, Types.BIGINT);
                    ps.executeUpdate();
                }
            }
            AuditWriter.append(c, db.dialect(), accountId, now, List.of(event));
            return true;
        });
    }

    /**
     * Records an accepted answer: raises the active factor's counter to {@code counter} only if it is below,
     * and audits; false (nothing written) when the counter was already reached (a replay) or no factor is active.
     */
    public boolean advance(String accountId, String kind, long counter, AuditDraft event) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE second_factors SET counter = ?"
                    + " WHERE account_id = ? AND kind = ? AND active = 1 AND counter < ?")) {
                ps.setLong(1, counter);
                ps.setString(2, accountId);
                ps.setString(3, kind);
                ps.setLong(4, counter);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            AuditWriter.append(c, db.dialect(), accountId, clock.millis(), List.of(event));
            return true;
        });
    }

    /**
     * Spends an unused recovery code of the account and audits its use with how many are left; empty (nothing
     * written) when no unused code has that hash.
     */
    public OptionalInt useRecoveryCode(String accountId, byte[] codeHash, AuditDraft event) {
        long now = clock.millis();
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE recovery_codes SET used_at = ?"
                    + " WHERE account_id = ? AND code_hash = ? AND used_at IS NULL")) {
                ps.setLong(1, now);
                ps.setString(2, accountId);
                ps.setBytes(3, codeHash);
                if (ps.executeUpdate() != 1) {
                    return OptionalInt.empty();
                }
            }
            int left = recoveryCodesLeft(c, accountId);
            AuditWriter.append(c, db.dialect(), accountId, now,
                    List.of(event.as(event.event(), event.detail() + "; " + left + " left")));
            return OptionalInt.of(left);
        });
    }

    public int recoveryCodesLeft(String accountId) {
        return db.read(c -> recoveryCodesLeft(c, accountId));
    }

    /** Deletes every factor and recovery code of the account and audits; false when it had no factor. */
    public boolean removeAll(String accountId, AuditDraft event) {
        return db.transaction(c -> {
            if (update(c, "DELETE FROM second_factors WHERE account_id = ?", accountId) == 0) {
                return false;
            }
            update(c, "DELETE FROM recovery_codes WHERE account_id = ?", accountId);
            AuditWriter.append(c, db.dialect(), accountId, clock.millis(), List.of(event));
            return true;
        });
    }

    /** Appends an audit entry on its own (a refused answer changes nothing else). */
    public void audit(String accountId, AuditDraft event) {
        db.transaction(c -> {
            AuditWriter.append(c, db.dialect(), accountId, clock.millis(), List.of(event));
            return null;
        });
    }

    private static int recoveryCodesLeft(Connection c, String accountId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM recovery_codes WHERE account_id = ? AND used_at IS NULL")) {
            ps.setString(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int update(Connection c, String sql, String accountId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, accountId);
            return ps.executeUpdate();
        }
    }

    private static StoredFactor factor(ResultSet rs) throws SQLException {
        long confirmed = rs.getLong(7);
        Long confirmedAt = rs.wasNull() ? null : confirmed;
        return new StoredFactor(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getLong(4), rs.getInt(5) == 1,
                rs.getLong(6), confirmedAt);
    }
}
