package dev.termvault.sync.server.keys;

import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import dev.termvault.sync.server.keys.crypto.LocalFileMasterKey;
import dev.termvault.sync.server.keys.crypto.MasterKey;
import dev.termvault.sync.server.keys.crypto.Pkcs11MasterKey;
import dev.termvault.sync.server.keys.crypto.SoftHsmToken;
import dev.termvault.sync.server.keys.crypto.WrappedKey;
import dev.termvault.sync.server.support.PinnedHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the key service's share-release rate: complete logins (login/start + login/finish over HTTPS,
 * with the client's SRP work in the same process) per second with C concurrent clients, and the master-key
 * unwrap alone. Not a test: run it by hand (see docs/performance.md, "Key service").
 *
 * <pre>args: local|pkcs11 [clients=4] [seconds=20]</pre>
 * For pkcs11, set SOFTHSM2_CONF to a writable file path; the generator initialises its own token there.
 */
public final class KeyServiceLoadGenerator {

    private KeyServiceLoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        String backend = args.length > 0 ? args[0] : "local";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path data = Files.createTempDirectory("tv-keys-bench");
        Map<String, String> config = new HashMap<>(Map.of("server.roles", "keys", "server.data", data.toString(),
                "server.port", "0", "keys.throttle.addressFailures", "1000000", "keys.signup.policy", "open",
                "keys.login.startsPerMinute", "1000000", "keys.login.pendingPerAddress", "1000000"));
        Pkcs11MasterKey.Config hsm = null;
        if (backend.equals("pkcs11")) {
            hsm = SoftHsmToken.config("bench-master");
            config.putAll(Map.of("keys.masterKey", "pkcs11", "keys.pkcs11.library", hsm.library(),
                    "keys.pkcs11.slot", Long.toString(hsm.slot()), "keys.pkcs11.pin", new String(hsm.pin()),
                    "keys.pkcs11.label", hsm.labelPrefix()));
        }
        unwrapAlone(backend, data, hsm, seconds);
        try (SyncServer server = SyncServer.start(ServerConfig.of(config))) {
            KeysClient client = new KeysClient(new PinnedHttp(server.baseUri(), server.fingerprint()));
            for (int i = 0; i < clients; i++) {
                client.signup("bench" + i + "@example.org", "pw" + i, "bench-dev-" + i);
            }
            run(client, clients, Math.max(3, seconds / 4), false);
            run(client, clients, seconds, true);
        }
    }

    private static void run(KeysClient client, int clients, int seconds, boolean report) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        client.login("bench" + n + "@example.org", "pw" + n, "bench-dev-" + n);
                        latencies.add(System.nanoTime() - t0);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        if (report) {
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("logins end to end: %d clients, %d logins in %d s = %.1f/s; p50 %.1f ms, p99 %.1f ms%n",
                    clients, sorted.length, seconds, sorted.length / (double) seconds,
                    sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
        }
    }

    private static void unwrapAlone(String backend, Path data, Pkcs11MasterKey.Config hsm, int seconds)
            throws Exception {
        try (MasterKey key = hsm == null ? LocalFileMasterKey.openOrCreate(data.resolve("bench-unwrap.key"))
                : Pkcs11MasterKey.open(hsm)) {
            byte[] share = new byte[32];
            new SecureRandom().nextBytes(share);
            byte[] context = "termvault:share:bench".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            WrappedKey wrapped = key.wrap(share, context);
            long warm = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < warm) {
                Arrays.fill(key.unwrap(wrapped, context), (byte) 0);
            }
            long n = 0;
            long t0 = System.nanoTime();
            long end = t0 + Math.max(2, seconds / 4) * 1_000_000_000L;
            while (System.nanoTime() < end) {
                Arrays.fill(key.unwrap(wrapped, context), (byte) 0);
                n++;
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s master-key unwrap alone (1 thread): %.0f/s (%.1f us each)%n", backend, n / s,
                    s * 1e6 / n);
        }
    }
}
