package dev.termvault.sync.server.store;

import java.nio.file.Path;

/**
 * Where one role's store lives. {@code url} is {@code jdbc:sqlite:/path/role.db} (the default, one file per
 * role) or {@code jdbc:postgresql://host:port/db}; {@code user}/{@code password} are for PostgreSQL only.
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {

    public DatabaseSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("database url is required");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
    }

    /** The embedded default: a SQLite file {@code <dataDir>/<role>.db}. */
    public static DatabaseSettings sqliteFile(Path file) {
        return new DatabaseSettings("jdbc:sqlite:" + file.toAbsolutePath(), null, null, 4);
    }

    public Dialect dialect() {
        return Dialect.ofUrl(url);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
