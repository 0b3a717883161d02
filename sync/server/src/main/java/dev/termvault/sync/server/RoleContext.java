package dev.termvault.sync.server;

import dev.termvault.sync.server.metrics.Metrics;
import dev.termvault.sync.server.store.Database;
import java.time.Clock;

/**
 * What the launcher hands a role: the whole configuration (a role reads its own {@code <role>.*} keys), its
 * own migrated store, the metrics registry, the clock, and the in-process {@link Peers} (for calls between
 * roles running in one process).
 */
public record RoleContext(String role, ServerConfig config, Database database, Metrics metrics, Clock clock,
                          Peers peers) {
}
