package dev.termvault.sync.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one vault in sync in the background: a pass ({@link Synchronizer#syncOnce}) at start, whenever the
 * change stream says the vault changed, whenever {@link #requestSync()} is called (after a local edit),
 * and by polling (often while the stream is down, rarely while it is up). A failed pass is retried with
 * exponential backoff and jitter; the cursor and the outbox are on disk, so every pass resumes where the
 * last one stopped. Listeners hear every status change.
 */
public final class BackgroundSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundSync.class);

    /**
     * Timing of the loop, and the one backoff policy of sync: every retry after a failure (a pass here, a
     * login in the app's sync session) waits {@link #backoff(int)}.
     */
    public record Timing(Duration pollWhileStreaming, Duration pollWithoutStream, Duration minBackoff,
                         Duration maxBackoff) {
        public static final Timing DEFAULT = new Timing(Duration.ofMinutes(5), Duration.ofSeconds(15),
                Duration.ofMillis(500), Duration.ofMinutes(2));

        /** The step after {@code failures} failures in a row: minBackoff doubled each time, capped at maxBackoff. */
        public Duration backoffStep(int failures) {
            long min = minBackoff.toMillis();
            return Duration.ofMillis(Math.min(maxBackoff.toMillis(), min << Math.clamp(failures - 1, 0, 20)));
        }

        /** The wait after {@code failures} failures in a row: full jitter between half and all of the step. */
        public Duration backoff(int failures) {
            long step = backoffStep(failures).toMillis();
            return Duration.ofMillis(step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1));
        }
    }

    private final Synchronizer synchronizer;
    private final Timing timing;
    private final Semaphore wake = new Semaphore(0);
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile SyncStatus status = new SyncStatus(SyncStatus.State.STOPPED, 0, null, null, false);
    private volatile boolean running;
    private volatile EventSource stream;
    private volatile boolean streaming;
    private Thread thread;

    public BackgroundSync(Synchronizer synchronizer, Timing timing) {
        this.synchronizer = synchronizer;
        this.timing = timing;
    }

    /** Calls {@code listener} with every new status. */
    public void addListener(Consumer<SyncStatus> listener) {
        listeners.add(listener);
    }

    public SyncStatus status() {
        return status;
    }

    /** Starts the loop (once). */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("termvault-sync").start(this::loop);
    }

    /** Asks for a pass as soon as possible (after a local edit, or when the network came back). */
    public void requestSync() {
        wake.release();
    }

    private void loop() {
        int failures = 0;
        while (running) {
            publish(SyncStatus.State.SYNCING, status.lastSync(), status.lastError());
            try {
                synchronizer.syncOnce();
                failures = 0;
                publish(SyncStatus.State.ONLINE, Instant.now(), null);
                ensureStream();
            } catch (SyncException.Offline e) {
                failures++;
                publish(SyncStatus.State.OFFLINE, status.lastSync(), e.getMessage());
            } catch (SyncException.Rejected e) {
                failures++;
                publish(e.status() >= 500 || e.status() == 429 ? SyncStatus.State.OFFLINE : SyncStatus.State.FAILED,
                        status.lastSync(), e.getMessage());
            } catch (SyncException | dev.termvault.vault.VaultException e) {
                failures++;
                LOG.warn("Sync refused: {}", e.getMessage());
                publish(SyncStatus.State.FAILED, status.lastSync(), e.getMessage());
            } catch (RuntimeException e) {
                failures++;
                LOG.warn("Sync failed", e);
                publish(SyncStatus.State.FAILED, status.lastSync(), "Sync failed: " + e.getClass().getSimpleName());
            }
            if (failures > 0) {
                closeStream();
            }
            await(failures == 0 ? (streaming ? timing.pollWhileStreaming() : timing.pollWithoutStream())
                    : timing.backoff(failures));
        }
        closeStream();
        publish(SyncStatus.State.STOPPED, status.lastSync(), status.lastError());
    }

    private void await(Duration wait) {
        try {
            if (wake.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void ensureStream() {
        if (stream != null || !running) {
            return;
        }
        stream = synchronizer.session().openStream(new EventSourceListener() {
            @Override
            public void onOpen(EventSource source, Response response) {
                streaming = true;
                publish(status.state(), status.lastSync(), status.lastError());
            }

            @Override
            public void onEvent(EventSource source, String id, String type, String data) {
                requestSync();
            }

            @Override
            public void onClosed(EventSource source) {
                streamDown(source);
            }

            @Override
            public void onFailure(EventSource source, Throwable t, Response response) {
                streamDown(source);
            }
        });
    }

    private void streamDown(EventSource source) {
        if (stream == source) {
            stream = null;
        }
        streaming = false;
        if (running) {
            requestSync();
        }
    }

    private void closeStream() {
        EventSource s = stream;
        stream = null;
        streaming = false;
        if (s != null) {
            s.cancel();
        }
    }

    private void publish(SyncStatus.State state, Instant lastSync, String lastError) {
        int pending;
        try {
            pending = synchronizer.pendingCount();
        } catch (RuntimeException e) {
            pending = status.pending();
        }
        SyncStatus next = new SyncStatus(state, pending, lastSync, lastError, streaming);
        status = next;
        for (Consumer<SyncStatus> listener : listeners) {
            listener.accept(next);
        }
    }

    /** Stops the loop and the stream, and waits for the loop to end. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        wake.release();
        closeStream();
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "BackgroundSync[" + status.state() + "]";
    }
}
