package dev.termvault.sync.client;

import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A measurement run, not a test (docs/performance.md, "Sync client"): how long one edit on one device takes
 * to be visible on another through the change stream. Both devices run {@link BackgroundSync} against the
 * real server on loopback, with polling far apart so that only the stream can bring the change. The first
 * device edits a record and asks for a pass (as the app does after a local edit); the clock stops when the
 * second device's vault holds that edit. Run with
 * {@code java -cp <test classpath> dev.termvault.sync.client.StreamLatencyRun [EDITS] [WARMUP]}.
 */
public final class StreamLatencyRun {

    private static final BackgroundSync.Timing STREAM_ONLY = new BackgroundSync.Timing(Duration.ofMinutes(30),
            Duration.ofMinutes(30), Duration.ofMillis(200), Duration.ofSeconds(5));

    private StreamLatencyRun() {
    }

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dir = Files.createTempDirectory("sync-latency");
        TestServer server = new TestServer(dir.resolve("server"));
        String email = "latency-" + UUID.randomUUID() + "@example.org";
        char[] password = "latency password".toCharArray();
        CreatedVault created = Vault.createLocal(dir.resolve("a"), password.clone());
        Vault laptop = created.vault();
        VaultRecord record = laptop.add(Host.of("edited", "edit-0.example.org", 22, "u"));
        AccountSession laptopSession = server.client().build().signUp(laptop, email, password.clone());
        new Synchronizer(laptop, laptopSession).syncOnce();
        SyncClient.Joined joined = server.client().build().join(dir.resolve("b"), email, password.clone(),
                created.secretKey());
        Vault desktop = joined.vault();

        Visible visible = new Visible(desktop, record.id());
        try (BackgroundSync laptopSync = new BackgroundSync(new Synchronizer(laptop, laptopSession), STREAM_ONLY);
             BackgroundSync desktopSync = new BackgroundSync(new Synchronizer(desktop, joined.session()),
                     STREAM_ONLY)) {
            desktopSync.addListener(status -> visible.check());
            laptopSync.start();
            desktopSync.start();
            waitUntil(() -> desktopSync.status().streaming() && laptopSync.status().streaming());

            long[] nanos = new long[edits];
            for (int i = 1; i <= warmup + edits; i++) {
                String hostname = "edit-" + i + ".example.org";
                CompletableFuture<Long> seen = visible.expect(hostname);
                long t0 = System.nanoTime();
                laptop.update(record.id(), Host.of("edited", hostname, 22, "u"));
                laptopSync.requestSync();
                long t1 = seen.get(30, TimeUnit.SECONDS);
                if (i > warmup) {
                    nanos[i - warmup - 1] = t1 - t0;
                }
            }
            Arrays.sort(nanos);
            System.out.printf("edits=%d (after %d warm-up) edit-to-visible ms: p50=%.1f p95=%.1f max=%.1f min=%.1f%n",
                    edits, warmup, ms(nanos[edits / 2]), ms(nanos[(int) Math.ceil(edits * 0.95) - 1]),
                    ms(nanos[edits - 1]), ms(nanos[0]));
        }
        System.exit(0);
    }

    /** Completes when the second device's vault holds the expected hostname. */
    private static final class Visible {
        private final Vault vault;
        private final String recordId;
        private volatile String expected;
        private volatile CompletableFuture<Long> seen = new CompletableFuture<>();

        Visible(Vault vault, String recordId) {
            this.vault = vault;
            this.recordId = recordId;
        }

        CompletableFuture<Long> expect(String hostname) {
            seen = new CompletableFuture<>();
            expected = hostname;
            check();
            return seen;
        }

        void check() {
            String want = expected;
            CompletableFuture<Long> future = seen;
            if (want == null || future.isDone()) {
                return;
            }
            vault.get(recordId).map(r -> ((Host) r.item()).hostname()).filter(want::equals)
                    .ifPresent(h -> future.complete(System.nanoTime()));
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        org.awaitility.Awaitility.await("the change streams to open").atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(10)).until(condition::getAsBoolean);
    }
}
