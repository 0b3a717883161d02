package dev.termvault.vault.internal.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite connection to the vault file, set up for crash safety, and a transaction helper.
 *
 * <p>Settings: WAL journal (readers never block the writer; a commit is one append to the log);
 * {@code synchronous=FULL} (the log is fsynced at every commit, so a commit that returned survives a
 * crash of the process AND of the machine; NORMAL would only survive the process); a busy timeout so
 * a second process waits for the lock instead of failing; {@code temp_store=MEMORY} so SQLite never
 * spills sort or temporary data into the temporary folder; foreign keys on; transactions start
 * IMMEDIATE (take the write lock at BEGIN) so two writers never deadlock on a lock upgrade.
 */
final class SqliteDatabase implements AutoCloseable {

    /** How long a writer waits for another process's lock before giving up. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /** Work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;

    private SqliteDatabase(Connection connection) {
        this.connection = connection;
    }

    static SqliteDatabase open(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            return new SqliteDatabase(connection);
        } catch (SQLException e) {
            throw new VaultStoreException("Cannot open the vault database", e);
        } catch (java.io.IOException e) {
            throw new VaultStoreException("Cannot create the vault folder", e);
        }
    }

    Connection connection() {
        return connection;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none. */
    <T> T transaction(String what, Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new VaultStoreException("Cannot " + what + ": the vault database failed", e);
        }
    }

    /** Runs a read outside an explicit transaction. */
    <T> T read(String what, Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new VaultStoreException("Cannot " + what + ": the vault database failed", e);
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new VaultStoreException("Cannot close the vault database", e);
        }
    }
}
