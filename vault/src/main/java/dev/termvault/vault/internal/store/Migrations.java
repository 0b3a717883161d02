package dev.termvault.vault.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered schema migrations of the local cache. Migration N is the SQL resource
 * {@code migrations/V<N>__*.sql} beside this class; each runs in its own transaction together with the
 * {@code schema_version} row that records it, so a crash leaves the schema at N-1 or at N, never between.
 */
final class Migrations {

    /** The migrations in order; index i holds the resource for version i + 1. */
    private static final List<String> RESOURCES = List.of("migrations/V1__initial.sql",
            "migrations/V2__sync.sql", "migrations/V3__outbox_by_record.sql");

    /** The newest schema version this code knows. */
    static final int LATEST = RESOURCES.size();

    private Migrations() {
    }

    /**
     * The schema version of the open database: 0 for an empty file.
     */
    static int currentVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Brings the schema up to {@link #LATEST}. Writes nothing when it is already there.
     *
     * @return the versions applied, in order (empty when none was needed)
     * @throws UnsupportedSchemaException when the file was written by a newer Termvault
     */
    static List<Integer> migrate(Connection connection) throws SQLException {
        int current = currentVersion(connection);
        if (current > LATEST) {
            throw new UnsupportedSchemaException(current, LATEST);
        }
        List<Integer> applied = new ArrayList<>();
        for (int version = current + 1; version <= LATEST; version++) {
            apply(connection, version);
            applied.add(version);
        }
        return applied;
    }

    private static void apply(Connection connection, int version) throws SQLException {
        String sql = load(RESOURCES.get(version - 1));
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
            for (String statement : statements(sql)) {
                st.executeUpdate(statement);
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
                ps.setInt(1, version);
                ps.setLong(2, System.currentTimeMillis());
                ps.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Splits a migration script on semicolons that end a line; comments are dropped. */
    static List<String> statements(String sql) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            int comment = line.indexOf("--");
            String code = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (code.isEmpty()) {
                continue;
            }
            current.append(code).append('\n');
            if (code.endsWith(";")) {
                result.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }

    private static String load(String resource) {
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema migration " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read schema migration " + resource, e);
        }
    }
}
