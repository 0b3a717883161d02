package dev.termvault.sync.server.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away PostgreSQL database on 127.0.0.1:5432 (user postgres), created per test and dropped after.
 * When PostgreSQL is not reachable: skipped with a notice, or a failure when CI=true.
 */
public final class Postgres implements AutoCloseable {
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private final String name;

    private Postgres(String name) {
        this.name = name;
    }

    public static Postgres create() {
        String name = "termvault_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String notice = "PostgreSQL on 127.0.0.1:5432 is not reachable (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI"))) {
                fail(notice);
            }
            System.err.println("SKIPPED: " + notice);
            assumeTrue(false, notice);
        }
        return new Postgres(name);
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:5432/" + name;
    }

    /** The database's name (for pg_dump and pg_restore). */
    public String name() {
        return name;
    }

    public String user() {
        return "postgres";
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }
}
