package dev.termvault.sync.server.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream line by line on a virtual thread. */
public final class SseReader implements AutoCloseable {
    public static final String CLOSED = "<closed>";
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final int status;

    public SseReader(PinnedHttp http, String token) throws Exception {
        response = http.client().sendAsync(http.request("/v1/stream", token).header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> r = response.get(30, TimeUnit.SECONDS);
        status = r.statusCode();
        Thread.ofVirtual().start(() -> {
            try (Stream<String> s = r.body()) {
                s.forEach(lines::add);
            } catch (RuntimeException e) {
                // the stream ended
            }
            lines.add(CLOSED);
        });
    }

    public int status() {
        return status;
    }

    /** The next line that starts with {@code prefix}, waiting up to 20 s; null on timeout. */
    public String next(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                return null;
            }
            if (line.startsWith(prefix) || line.equals(CLOSED)) {
                return line;
            }
        }
        return null;
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
    }
}
