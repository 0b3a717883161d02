package dev.termvault.sync.server.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on one connection, run by {@link Database#transaction} or {@link Database#read}. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
