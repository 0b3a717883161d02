package dev.termvault.sync.server.keys.store;

import dev.termvault.sync.server.keys.AuditEvent;
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

/** Devices and their refresh tokens (stored as hashes). */
public final class DeviceStore {

    /** How recording a login went. */
    public enum LoginResult { OK, DEVICE_OF_ANOTHER_ACCOUNT, DEVICE_REVOKED }

    /** How a revocation went. */
    public enum RevokeResult { REVOKED, ALREADY_REVOKED, NOT_FOUND }

    /** The owner of a refresh token that was just rotated. */
    public record Refreshed(String accountId, String deviceId) {
    }

    private static final String COLUMNS = "id, account_id, name, created_at, last_seen_at, revoked_at";

    private final Database db;
    private final Clock clock;

    public DeviceStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Records a successful login in one transaction: adds the device when new (audited as device_added),
     * refuses a revoked device or one of another account, stores the refresh token hash, and appends
     * {@code events}.
     */
    public LoginResult recordLogin(String accountId, String deviceId, String deviceName, byte[] refreshHash,
                                   long refreshExpiresAt, List<AuditDraft> events) {
        long now = clock.millis();
        return db.transaction(c -> {
            Optional<DeviceRecord> existing = find(c, deviceId);
            List<AuditDraft> all = new ArrayList<>();
            if (existing.isEmpty()) {
                insert(c, new DeviceRecord(deviceId, accountId, deviceName, now, now, null));
                all.add(events.getFirst().as(AuditEvent.DEVICE_ADDED, deviceName));
            } else if (!existing.get().accountId().equals(accountId)) {
                return LoginResult.DEVICE_OF_ANOTHER_ACCOUNT;
            } else if (!existing.get().active()) {
                return LoginResult.DEVICE_REVOKED;
            } else {
                touch(c, deviceId, now);
            }
            insertRefresh(c, refreshHash, accountId, deviceId, now, refreshExpiresAt);
            all.addAll(events);
            AuditWriter.append(c, db.dialect(), accountId, now, all);
            return LoginResult.OK;
        });
    }

    /**
     * Uses a refresh token once: deletes it and, when it was unexpired and its device active, stores
     * {@code newHash} in its place. Empty when the token is unknown, expired or its device revoked. Not
     * audited: a refresh every few minutes per device would drown the entries that matter.
     */
    public Optional<Refreshed> rotateRefresh(byte[] oldHash, byte[] newHash, long newExpiresAt) {
        long now = clock.millis();
        return db.transaction(c -> {
            String account;
            String device;
            long expires;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT account_id, device_id, expires_at FROM refresh_tokens WHERE token_hash = ?")) {
                ps.setBytes(1, oldHash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    account = rs.getString(1);
                    device = rs.getString(2);
                    expires = rs.getLong(3);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM refresh_tokens WHERE token_hash = ?")) {
                ps.setBytes(1, oldHash);
                if (ps.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            Optional<DeviceRecord> d = find(c, device);
            if (expires <= now || d.isEmpty() || !d.get().active() || !d.get().accountId().equals(account)) {
                return Optional.empty();
            }
            insertRefresh(c, newHash, account, device, now, newExpiresAt);
            touch(c, device, now);
            return Optional.of(new Refreshed(account, device));
        });
    }

    public Optional<DeviceRecord> find(String deviceId) {
        return db.read(c -> find(c, deviceId));
    }

    /** Whether the device exists, belongs to the account and is not revoked. */
    public boolean isActive(String accountId, String deviceId) {
        return find(deviceId).filter(d -> d.accountId().equals(accountId) && d.active()).isPresent();
    }

    public List<DeviceRecord> list(String accountId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM devices WHERE account_id = ? ORDER BY created_at, id")) {
                ps.setString(1, accountId);
                List<DeviceRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(device(rs));
                    }
                }
                return out;
            }
        });
    }

    /** Renames a device of the account; false when the account has no such device. */
    public boolean rename(String accountId, String deviceId, String name, AuditDraft event) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE devices SET name = ? WHERE id = ? AND account_id = ?")) {
                ps.setString(1, name);
                ps.setString(2, deviceId);
                ps.setString(3, accountId);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            AuditWriter.append(c, db.dialect(), accountId, clock.millis(), List.of(event));
            return true;
        });
    }

    /** Revokes a device of the account and deletes its refresh tokens. */
    public RevokeResult revoke(String accountId, String deviceId, AuditDraft event) {
        long now = clock.millis();
        return db.transaction(c -> {
            Optional<DeviceRecord> d = find(c, deviceId).filter(x -> x.accountId().equals(accountId));
            if (d.isEmpty()) {
                return RevokeResult.NOT_FOUND;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM refresh_tokens WHERE device_id = ?")) {
                ps.setString(1, deviceId);
                ps.executeUpdate();
            }
            if (!d.get().active()) {
                return RevokeResult.ALREADY_REVOKED;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE devices SET revoked_at = ? WHERE id = ?")) {
                ps.setLong(1, now);
                ps.setString(2, deviceId);
                ps.executeUpdate();
            }
            AuditWriter.append(c, db.dialect(), accountId, now, List.of(event));
            return RevokeResult.REVOKED;
        });
    }

    static void insert(Connection c, DeviceRecord d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO devices (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.id());
            ps.setString(2, d.accountId());
            ps.setString(3, d.name());
            ps.setLong(4, d.createdAt());
            ps.setLong(5, d.lastSeenAt());
            if (d.revokedAt() == null) {
                ps.setNull(6, Types.BIGINT);
            } else {
                ps.setLong(6, d.revokedAt());
            }
            ps.executeUpdate();
        }
    }

    private static Optional<DeviceRecord> find(Connection c, String deviceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM devices WHERE id = ?")) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(device(rs)) : Optional.empty();
            }
        }
    }

    private static void touch(Connection c, String deviceId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE devices SET last_seen_at = ? WHERE id = ?")) {
            ps.setLong(1, now);
            ps.setString(2, deviceId);
            ps.executeUpdate();
        }
    }

    private static void insertRefresh(Connection c, byte[] hash, String account, String device, long now,
                                      long expiresAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO refresh_tokens (token_hash, account_id,"
                + " device_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setBytes(1, hash);
            ps.setString(2, account);
            ps.setString(3, device);
            ps.setLong(4, now);
            ps.setLong(5, expiresAt);
            ps.executeUpdate();
        }
    }

    private static DeviceRecord device(ResultSet rs) throws SQLException {
        long revoked = rs.getLong(6);
        Long revokedAt = rs.wasNull() ? null : revoked;
        return new DeviceRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                revokedAt);
    }
}
