package dev.termvault.sync.server.blobs;

import dev.termvault.sync.protocol.blobs.StreamEvent;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChangeHub} within one process: streams connected to this instance hear pushes made on this
 * instance. (Several instances behind a load balancer would need a shared channel such as PostgreSQL
 * LISTEN/NOTIFY; clients also pull on reconnect, so a missed event delays, never loses, a change.)
 */
public final class LocalChangeHub implements ChangeHub {
    private static final Logger LOG = LoggerFactory.getLogger(LocalChangeHub.class);
    private final Map<String, Set<Consumer<StreamEvent>>> listeners = new ConcurrentHashMap<>();

    @Override
    public void publish(String accountId, StreamEvent event) {
        Set<Consumer<StreamEvent>> set = listeners.get(accountId);
        if (set == null) {
            return;
        }
        for (Consumer<StreamEvent> l : set) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.debug("event=stream_delivery_failed type={}", e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public AutoCloseable subscribe(String accountId, Consumer<StreamEvent> listener) {
        listeners.computeIfAbsent(accountId, k -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(accountId, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** How many streams are open now (a metrics gauge). */
    public long openStreams() {
        return listeners.values().stream().mapToLong(Set::size).sum();
    }
}
