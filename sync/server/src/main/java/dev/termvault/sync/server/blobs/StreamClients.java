package dev.termvault.sync.server.blobs;

import dev.termvault.sync.protocol.blobs.StreamEvent;
import dev.termvault.sync.server.auth.Caller;
import dev.termvault.sync.server.http.Json;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open change streams ({@code GET /v1/stream}, Server-Sent Events). Each carries, as event {@code vault},
 * only {@code {"vaultId", "cursor"}}: first the current cursor of each of the caller's vaults, then a comment
 * {@code :ready}, then one event per push. A heartbeat comment every {@code heartbeatSeconds} finds dead
 * connections; a revoked device's streams are closed at once.
 */
public final class StreamClients implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamClients.class);
    private static final int CLOSE_WAIT_SECONDS = 5;
    private final ChangeHub hub;
    private final Predicate<String> revoked;
    private final Map<String, Set<SseClient>> byDevice = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat;
    /** The threads serving a stream; each ends with its stream's HTTP exchange. */
    private final Set<Thread> serving = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    public StreamClients(ChangeHub hub, Predicate<String> revoked, int heartbeatSeconds) {
        this.hub = hub;
        this.revoked = revoked;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("sse-heartbeat").factory());
        heartbeat.scheduleAtFixedRate(this::beat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
    }

    /**
     * Serves one stream until the client goes away, a revocation ends it, or {@link #close} (blocks its
     * virtual thread). The stream ends on this thread, so the HTTP exchange completes here, normally.
     */
    public void serve(SseClient client, Caller caller, List<StreamEvent> snapshot) {
        CountDownLatch ended = new CountDownLatch(1);
        AutoCloseable subscription = hub.subscribe(caller.accountId(), event -> send(client, event));
        client.onClose(() -> {
            byDevice.computeIfPresent(caller.deviceId(), (k, set) -> {
                set.remove(client);
                return set.isEmpty() ? null : set;
            });
            try {
                subscription.close();
            } catch (Exception e) {
                // nothing to release beyond the listener entry
            }
            ended.countDown();
        });
        Thread thread = Thread.currentThread();
        serving.add(thread);
        try {
            byDevice.computeIfAbsent(caller.deviceId(), k -> ConcurrentHashMap.newKeySet()).add(client);
            if (closing) {
                closeQuietly(client);
                return;
            }
            for (StreamEvent e : snapshot) {
                send(client, e);
            }
            if (!client.terminated()) {
                client.sendComment("ready");
            }
            ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(client);
        } finally {
            serving.remove(thread);
        }
    }

    /** Closes every open stream of a device. */
    public void closeDevice(String deviceId) {
        Set<SseClient> clients = byDevice.remove(deviceId);
        if (clients != null) {
            clients.forEach(StreamClients::closeQuietly);
        }
    }

    private static void closeQuietly(SseClient client) {
        if (!client.terminated()) {
            client.close();
        }
    }

    public long open() {
        return byDevice.values().stream().mapToLong(Set::size).sum();
    }

    private static void send(SseClient client, StreamEvent event) {
        if (!client.terminated()) {
            try {
                client.sendEvent("vault", Json.mapper().writeValueAsString(event));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot encode a stream event", e);
            }
        }
    }

    private void beat() {
        byDevice.forEach((device, clients) -> {
            if (revoked.test(device)) {
                closeDevice(device);
                return;
            }
            for (SseClient c : clients) {
                if (c.terminated()) {
                    clients.remove(c);
                } else {
                    c.sendComment("ping");
                }
            }
        });
    }

    /**
     * Ends every open stream and waits (a few seconds at most) until each one's HTTP exchange has
     * completed, so that the HTTP server stops after them; streams opened meanwhile end at once.
     */
    @Override
    public void close() {
        closing = true;
        heartbeat.shutdownNow();
        List<Thread> threads = List.copyOf(serving);
        byDevice.values().forEach(set -> set.forEach(StreamClients::closeQuietly));
        byDevice.clear();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
        try {
            for (Thread t : threads) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !t.join(java.time.Duration.ofNanos(left))) {
                    LOG.warn("event=stream_close_slow open={}", serving.size());
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
