package dev.termvault.sync.server;

import io.javalin.config.RoutesConfig;

/**
 * One server role ({@code keys} or {@code blobs}). The launcher makes each configured role through its
 * {@link RoleFactory}, mounts its routes on the shared HTTPS server, asks it for health, and closes it on
 * shutdown. A role owns its store (given in {@link RoleContext#database()}) and nothing of another role's.
 */
public interface Role extends AutoCloseable {

    /** The role's name, as in {@code --role}: "keys" or "blobs". */
    String name();

    /**
     * Adds the role's endpoints (all under {@code /v1/}). Handlers throw
     * {@link ApiException} for client errors; the server core turns it into the JSON error body.
     */
    void routes(RoutesConfig routes);

    /** Whether the role can serve now (its store answers); reported by {@code /health}. */
    default boolean healthy() {
        return true;
    }

    /**
     * Ends the role's long-lived exchanges (change streams) while the HTTP server still runs. On shutdown
     * the launcher stops accepting connections, drains every role, waits for the requests in flight, stops
     * the HTTP server, and only then closes the roles and their stores.
     */
    default void drain() {
    }

    /** Releases what the role holds (the launcher closes the role's {@link RoleContext#database()} itself). */
    @Override
    default void close() {
    }
}
