package dev.termvault.sync.server.keys.store;

import dev.termvault.sync.protocol.keys.WireKdfParams;
import dev.termvault.sync.server.keys.AuditChain;
import dev.termvault.sync.server.keys.AuditEntry;
import dev.termvault.sync.server.keys.crypto.WrappedKey;
import dev.termvault.sync.server.store.Database;
import dev.termvault.sync.server.store.Dialect;
import dev.termvault.sync.server.store.ServerStoreException;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Accounts, their verifiers and wrapped shares, and their audit logs. */
public final class AccountStore {

    /** How a sign-up went. */
    public enum Created { CREATED, EMAIL_TAKEN, DEVICE_TAKEN, NOT_ADMITTED }

    /** The newest link of an account's audit chain. */
    public record AuditHead(long seq, byte[] hash) {
    }

    private static final String ACCOUNT_COLUMNS = "id, email, salt, kdf_algorithm, kdf_memory_kib, kdf_iterations,"
            + " kdf_parallelism, verifier, wrapped_share, created_at";

    private final Database db;
    private final Clock clock;

    public AccountStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Creates the account and its first device and writes the audit entries, in one transaction. */
    public Created create(AccountRecord a, DeviceRecord first, List<AuditDraft> events) {
        return create(a, first, events, new SignupAdmission.Open());
    }

    /**
     * As above, if {@code admission} holds in the same transaction: a code is spent first (also when the
     * email turns out to be taken, so that answer costs the same), the first-account rule is checked under a
     * lock on PostgreSQL so two concurrent sign-ups cannot both be first.
     */
    public Created create(AccountRecord a, DeviceRecord first, List<AuditDraft> events, SignupAdmission admission) {
        return db.transaction(c -> {
            if (!admit(c, admission, a.email())) {
                return Created.NOT_ADMITTED;
            }
            if (exists(c, "SELECT 1 FROM accounts WHERE email = ?", a.email())) {
                return Created.EMAIL_TAKEN;
            }
            if (exists(c, "SELECT 1 FROM devices WHERE id = ?", first.id())) {
                return Created.DEVICE_TAKEN;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO accounts (" + ACCOUNT_COLUMNS
                    + ", share_key_version, audit_seq, audit_head) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")) {
                ps.setString(1, a.id());
                ps.setString(2, a.email());
                ps.setBytes(3, a.salt());
                setKdf(ps, 4, a.kdf());
                ps.setBytes(8, a.verifier());
                ps.setBytes(9, a.wrappedShare().toBytes());
                ps.setLong(10, a.createdAt());
                ps.setInt(11, a.wrappedShare().version());
                ps.setBytes(12, AuditChain.GENESIS);
                ps.executeUpdate();
            }
            DeviceStore.insert(c, first);
            AuditWriter.append(c, db.dialect(), a.id(), clock.millis(), events);
            return Created.CREATED;
        });
    }

    private boolean admit(Connection c, SignupAdmission admission, String email) throws SQLException {
        return switch (admission) {
            case SignupAdmission.Open open -> true;
            case SignupAdmission.Code code -> SignupCodeStore.spend(c, code, email, clock.millis());
            case SignupAdmission.FirstAccount firstAccount -> {
                if (db.dialect() == Dialect.POSTGRESQL) {
                    try (Statement s = c.createStatement()) {
                        s.execute("LOCK TABLE accounts IN SHARE ROW EXCLUSIVE MODE");
                    }
                }
                yield !hasAccounts(c);
            }
        };
    }

    /** Whether the store holds any account (a fresh server has none). */
    public boolean hasAccounts() {
        return db.read(AccountStore::hasAccounts);
    }

    private static boolean hasAccounts(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM accounts LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    public Optional<AccountRecord> findByEmail(String email) {
        return find("email", email);
    }

    public Optional<AccountRecord> findById(String id) {
        return find("id", id);
    }

    private Optional<AccountRecord> find(String column, String value) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE " + column + " = ?")) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(account(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Replaces salt, KDF parameters and verifier (password change, Secret Key rotation); S stays. */
    public void replaceVerifier(String accountId, byte[] salt, WireKdfParams kdf, byte[] verifier, AuditDraft event) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE accounts SET salt = ?, kdf_algorithm = ?,"
                    + " kdf_memory_kib = ?, kdf_iterations = ?, kdf_parallelism = ?, verifier = ? WHERE id = ?")) {
                ps.setBytes(1, salt);
                setKdf(ps, 2, kdf);
                ps.setBytes(6, verifier);
                ps.setString(7, accountId);
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("no such account");
                }
            }
            AuditWriter.append(c, db.dialect(), accountId, clock.millis(), List.of(event));
            return null;
        });
    }

    /** Ids of accounts whose share is wrapped under a master-key version below {@code version}. */
    public List<String> sharesBelowVersion(int version, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM accounts WHERE share_key_version < ? ORDER BY id LIMIT ?")) {
                ps.setInt(1, version);
                ps.setInt(2, limit);
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            }
        });
    }

    /** Every account id (for maintenance commands). */
    public List<String> allAccountIds() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM accounts ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        });
    }

    /** Replaces the wrapped share if it is still {@code expected}; false when it changed meanwhile. */
    public boolean swapWrappedShare(String accountId, WrappedKey expected, WrappedKey replacement, AuditDraft event) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE accounts SET wrapped_share = ?,"
                    + " share_key_version = ? WHERE id = ? AND wrapped_share = ?")) {
                ps.setBytes(1, replacement.toBytes());
                ps.setInt(2, replacement.version());
                ps.setString(3, accountId);
                ps.setBytes(4, expected.toBytes());
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            AuditWriter.append(c, db.dialect(), accountId, clock.millis(), List.of(event));
            return true;
        });
    }

    /** Appends audit entries for an account. */
    public void audit(String accountId, List<AuditDraft> events) {
        db.transaction(c -> {
            AuditWriter.append(c, db.dialect(), accountId, clock.millis(), events);
            return null;
        });
    }

    public AuditHead auditHead(String accountId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT audit_seq, audit_head FROM accounts WHERE id = ?")) {
                ps.setString(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("no such account");
                    }
                    return new AuditHead(rs.getLong(1), rs.getBytes(2));
                }
            }
        });
    }

    /** Entries with seq after {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<AuditEntry> auditEntries(String accountId, long afterSeq, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, device_id, address, event, detail,"
                    + " prev_hash, hash FROM audit_log WHERE account_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
                ps.setString(1, accountId);
                ps.setLong(2, afterSeq);
                ps.setInt(3, limit);
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(accountId, rs.getLong(1), rs.getLong(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getBytes(8)));
                    }
                }
                return out;
            }
        });
    }

    private static void setKdf(PreparedStatement ps, int first, WireKdfParams kdf) throws SQLException {
        ps.setString(first, kdf.algorithm());
        ps.setInt(first + 1, kdf.memoryKib());
        ps.setInt(first + 2, kdf.iterations());
        ps.setInt(first + 3, kdf.parallelism());
    }

    private static AccountRecord account(ResultSet rs) throws SQLException {
        try {
            return new AccountRecord(rs.getString(1), rs.getString(2), rs.getBytes(3),
                    new WireKdfParams(rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)), rs.getBytes(8),
                    WrappedKey.parse(rs.getBytes(9)), rs.getLong(10));
        } catch (GeneralSecurityException e) {
            throw new ServerStoreException("a stored wrapped share is malformed", e);
        }
    }

    static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
