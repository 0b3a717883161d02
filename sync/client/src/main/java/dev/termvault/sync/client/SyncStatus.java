package dev.termvault.sync.client;

import java.time.Instant;

/**
 * What the background sync is doing, for whoever shows it.
 *
 * @param state     online, offline, syncing, failed or stopped
 * @param pending   local changes not yet acknowledged by the server
 * @param lastSync  when the last pass succeeded (null: none yet)
 * @param lastError the last error, safe to show (null after a successful pass)
 * @param streaming whether the change stream is connected (otherwise the loop polls)
 */
public record SyncStatus(State state, int pending, Instant lastSync, String lastError, boolean streaming) {

    public enum State {
        /** The last pass succeeded. */
        ONLINE,
        /** The server cannot be reached; changes wait in the outbox and are retried with backoff. */
        OFFLINE,
        /** A pass is running. */
        SYNCING,
        /** The server answered something refused (see lastError); retried slowly, nothing overwritten. */
        FAILED,
        /** Not running. */
        STOPPED
    }
}
