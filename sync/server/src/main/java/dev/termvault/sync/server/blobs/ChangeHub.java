package dev.termvault.sync.server.blobs;

import dev.termvault.sync.protocol.blobs.StreamEvent;

/**
 * Where the blob service announces that a vault moved to a new cursor, and where open change streams listen.
 * Only vault ids and cursors travel through it.
 */
public interface ChangeHub {

    /** Tells every open stream of {@code accountId} that {@code event.vaultId()} is now at {@code event.cursor()}. */
    void publish(String accountId, StreamEvent event);

    /** A listener for one account; closing the subscription stops delivery. */
    AutoCloseable subscribe(String accountId, java.util.function.Consumer<StreamEvent> listener);
}
