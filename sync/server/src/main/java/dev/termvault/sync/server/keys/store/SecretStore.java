package dev.termvault.sync.server.keys.store;

import dev.termvault.sync.server.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Service-wide secrets, stored wrapped by the master key, with an optional public part beside them. */
public final class SecretStore {

    /** A stored secret: the wrapped form (see WrappedKey#toBytes) and its public part ("" if none). */
    public record StoredSecret(byte[] wrapped, String publicPart) {
    }

    private final Database db;

    public SecretStore(Database db) {
        this.db = db;
    }

    public Optional<StoredSecret> find(String name) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT wrapped, public_part FROM service_secrets WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredSecret(rs.getBytes(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

    /** Stores the secret unless one of that name exists; returns the one that is stored afterwards. */
    public StoredSecret putIfAbsent(String name, StoredSecret secret, long now) {
        return db.transaction(c -> {
            if (AccountStore.exists(c, "SELECT 1 FROM service_secrets WHERE name = ?", name)) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT wrapped, public_part FROM service_secrets WHERE name = ?")) {
                    ps.setString(1, name);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return new StoredSecret(rs.getBytes(1), rs.getString(2));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO service_secrets (name, wrapped, public_part, created_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, name);
                ps.setBytes(2, secret.wrapped());
                ps.setString(3, secret.publicPart());
                ps.setLong(4, now);
                ps.executeUpdate();
            }
            return secret;
        });
    }

    /** Replaces a secret's wrapped form (after a master-key rotation). */
    public void replaceWrapped(String name, byte[] wrapped) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE service_secrets SET wrapped = ? WHERE name = ?")) {
                ps.setBytes(1, wrapped);
                ps.setString(2, name);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
