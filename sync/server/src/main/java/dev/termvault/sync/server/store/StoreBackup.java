package dev.termvault.sync.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * An online copy of one role's SQLite store: {@code VACUUM INTO} on a read-only connection. In WAL mode a
 * reader does not block the server's writers and sees one committed state, so the copy is a consistent
 * snapshot taken while the server keeps serving. PostgreSQL stores are backed up with {@code pg_dump}
 * (docs/operations.md), not here.
 */
public final class StoreBackup {

    private StoreBackup() {
    }

    /** What a backup wrote: the file, its size, and the number of migrations recorded in it. */
    public record Result(Path file, long bytes, int migrations) {
    }

    /**
     * Copies the SQLite store of {@code role} described by {@code settings} to {@code target}, which must not
     * exist. The copy is checked ({@code PRAGMA integrity_check}) and made readable by its owner only.
     */
    public static Result sqliteSnapshot(String role, DatabaseSettings settings, Path target) {
        if (settings.dialect() != Dialect.SQLITE) {
            throw new ServerStoreException("the " + role + " store is on PostgreSQL: back it up with pg_dump "
                    + "(see docs/operations.md)");
        }
        Path source = sqliteFile(settings.url());
        if (!Files.isRegularFile(source)) {
            throw new ServerStoreException("there is no " + role + " store at " + source);
        }
        if (Files.exists(target)) {
            throw new ServerStoreException("the backup file " + target + " already exists; choose a new folder");
        }
        Properties readOnly = new Properties();
        readOnly.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: a backup never writes the live store
        readOnly.setProperty("busy_timeout", "15000");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath(), readOnly);
             PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toAbsolutePath().toString());
            vacuum.execute();
        } catch (SQLException e) {
            throw new ServerStoreException("the backup of the " + role + " store failed", e);
        }
        try {
            ownerOnly(target);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target.toAbsolutePath());
                 Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                    String verdict = rs.next() ? rs.getString(1) : "no answer";
                    if (!"ok".equals(verdict)) {
                        throw new ServerStoreException("the backup of the " + role + " store is damaged: " + verdict);
                    }
                }
                int migrations;
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + role + "_schema_history")) {
                    migrations = rs.next() ? rs.getInt(1) : 0;
                }
                return new Result(target, Files.size(target), migrations);
            }
        } catch (SQLException | IOException e) {
            throw new ServerStoreException("the backup of the " + role + " store could not be checked", e);
        }
    }

    /** The file of a {@code jdbc:sqlite:} URL (query parameters dropped). */
    public static Path sqliteFile(String url) {
        String path = url.substring("jdbc:sqlite:".length());
        int q = path.indexOf('?');
        return Path.of(q >= 0 ? path.substring(0, q) : path);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions apply
        }
    }
}
