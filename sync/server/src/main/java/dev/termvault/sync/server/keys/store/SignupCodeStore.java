package dev.termvault.sync.server.keys.store;

import dev.termvault.sync.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Sign-up codes, as HMACs only: codes mailed to an address (kind {@code email}) and invites an operator
 * issued (kind {@code invite}). A code is tied to one email, expires, and is deleted when spent.
 */
public final class SignupCodeStore {

    public static final String EMAIL = "email";
    public static final String INVITE = "invite";

    private final Database db;

    public SignupCodeStore(Database db) {
        this.db = db;
    }

    /**
     * Stores a code; keeps at most {@code keepPerEmail} live codes of that kind for the email (the oldest go
     * first) and drops every expired code.
     */
    public void add(byte[] hash, String email, String kind, long now, long expiresAt, int keepPerEmail) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM signup_codes WHERE expires_at <= ?")) {
                ps.setLong(1, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM signup_codes WHERE code_hash IN (SELECT"
                    + " code_hash FROM signup_codes WHERE email = ? AND kind = ? ORDER BY created_at DESC, code_hash"
                    + " LIMIT 1000 OFFSET ?)")) {
                ps.setString(1, email);
                ps.setString(2, kind);
                ps.setInt(3, Math.max(0, keepPerEmail - 1));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO signup_codes (code_hash, email, kind,"
                    + " created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setBytes(1, hash);
                ps.setString(2, email);
                ps.setString(3, kind);
                ps.setLong(4, now);
                ps.setLong(5, expiresAt);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Deletes the code if it is live and tied to this email; true when it was. */
    static boolean spend(Connection c, SignupAdmission.Code code, String email, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM signup_codes WHERE code_hash = ? AND email = ?"
                + " AND kind = ? AND expires_at > ?")) {
            ps.setBytes(1, code.hash());
            ps.setString(2, email);
            ps.setString(3, code.kind());
            ps.setLong(4, now);
            return ps.executeUpdate() == 1;
        }
    }
}
