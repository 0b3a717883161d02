package dev.termvault.sync.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * One role's store: a pooled {@link DataSource} (HikariCP) over SQLite or PostgreSQL, migrated to the newest
 * schema of that role when opened. Only code in {@code ..store..} packages touches JDBC; everything else
 * asks a store class.
 *
 * <p>SQLite runs in WAL mode with {@code BEGIN IMMEDIATE} transactions and a busy timeout, so concurrent
 * writers queue instead of failing; PostgreSQL uses the driver's defaults (READ COMMITTED) and stores lock
 * the rows they update.
 */
public final class Database implements AutoCloseable {
    private final String role;
    private final Dialect dialect;
    private final HikariDataSource dataSource;

    private Database(String role, Dialect dialect, HikariDataSource dataSource) {
        this.role = role;
        this.dialect = dialect;
        this.dataSource = dataSource;
    }

    /** Opens the store of {@code role} and runs its pending migrations from {@code db/<role>/}. */
    public static Database open(String role, DatabaseSettings settings) {
        Dialect dialect = settings.dialect();
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("termvault-" + role);
        hc.setJdbcUrl(settings.url());
        hc.setMaximumPoolSize(settings.poolSize());
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(10_000);
        if (dialect == Dialect.SQLITE) {
            prepareSqliteFile(settings.url());
            hc.setDriverClassName("org.sqlite.JDBC");
            hc.addDataSourceProperty("journal_mode", "WAL");
            hc.addDataSourceProperty("synchronous", "NORMAL");
            hc.addDataSourceProperty("busy_timeout", "15000");
            hc.addDataSourceProperty("foreign_keys", "true");
            hc.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        } else {
            hc.setDriverClassName("org.postgresql.Driver");
            if (settings.user() != null) {
                hc.setUsername(settings.user());
            }
            if (settings.password() != null) {
                hc.setPassword(settings.password());
            }
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new ServerStoreException("cannot open the " + role + " store", e);
        }
        Database db = new Database(role, dialect, ds);
        try {
            new MigrationRunner(role, dialect).migrate(ds);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static void prepareSqliteFile(String url) {
        String path = url.substring("jdbc:sqlite:".length());
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        if (path.isEmpty() || path.equals(":memory:") || path.startsWith("file:")) {
            return;
        }
        try {
            Path file = Path.of(path);
            DataFiles.ownerOnlyFile(file);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path companion = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(companion)) {
                    DataFiles.ownerOnlyFile(companion);
                }
            }
        } catch (java.io.IOException e) {
            throw new ServerStoreException("cannot create the folder of the store file", e);
        }
    }

    public String role() {
        return role;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new ServerStoreException("the " + role + " store failed", e);
        }
    }

    /** Runs read-only {@code work} on a connection in auto-commit mode. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new ServerStoreException("the " + role + " store failed", e);
        }
    }

    /** Whether the store answers a trivial query now. */
    public boolean ping() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    @Override
    public String toString() {
        return "Database[role=" + role + ", dialect=" + dialect + "]";
    }
}
