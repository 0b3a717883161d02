package dev.termvault.sync.server.support;

import dev.termvault.sync.server.store.DatabaseSettings;
import java.nio.file.Path;

/** The two store backends every store test runs on. */
public enum Backend {
    SQLITE, POSTGRESQL;

    /** Settings for a fresh store; {@code cleanup} receives what must be closed after the test. */
    public DatabaseSettings settings(Path dir, String role, java.util.List<AutoCloseable> cleanup) {
        if (this == SQLITE) {
            return DatabaseSettings.sqliteFile(dir.resolve(role + ".db"));
        }
        Postgres pg = Postgres.create();
        cleanup.add(pg);
        return new DatabaseSettings(pg.url(), pg.user(), null, 4);
    }
}
