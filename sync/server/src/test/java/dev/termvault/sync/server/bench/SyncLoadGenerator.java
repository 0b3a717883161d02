package dev.termvault.sync.server.bench;

import dev.termvault.sync.protocol.blobs.ChangePage;
import dev.termvault.sync.protocol.blobs.PushItem;
import dev.termvault.sync.protocol.blobs.PushRequest;
import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import dev.termvault.sync.server.support.PinnedHttp;
import dev.termvault.sync.server.support.Postgres;
import dev.termvault.sync.server.support.TestTokens;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for the blob service (not a test): N simulated devices, two per account sharing one vault,
 * each looping "push a batch of K envelopes, then pull everything after its cursor" over HTTPS on loopback
 * against the real server, on SQLite or PostgreSQL. Prints throughput and p50/p99 latency per operation.
 *
 * <pre>java ... SyncLoadGenerator sqlite|postgresql DEVICES SECONDS [BATCH] [ENVELOPE_BYTES]</pre>
 */
public final class SyncLoadGenerator {

    public static void main(String[] args) throws Exception {
        String backend = args.length > 0 ? args[0] : "sqlite";
        int devices = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int envelopeBytes = args.length > 4 ? Integer.parseInt(args[4]) : 1024;

        Path dir = Files.createTempDirectory("termvault-load");
        TestTokens tokens = new TestTokens();
        Map<String, String> config = new HashMap<>();
        config.put("server.roles", "blobs");
        config.put("server.data", dir.toString());
        config.put("server.port", "0");
        config.put("blobs.jwks.file", tokens.writeJwks(dir.resolve("jwks.json")).toString());
        Postgres pg = null;
        if (backend.startsWith("postgres")) {
            pg = Postgres.create();
            config.put("blobs.db.url", pg.url());
            config.put("blobs.db.user", pg.user());
        }
        try (SyncServer server = SyncServer.start(ServerConfig.of(config))) {
            org.slf4j.LoggerFactory.getLogger(SyncLoadGenerator.class).info("event=load_start");
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            Result r = run(server, tokens, devices, seconds, batch, envelopeBytes);
            long cpu = os.getProcessCpuTime() - cpu0;
            double load = os.getSystemLoadAverage();
            System.out.printf("backend=%s devices=%d seconds=%d batch=%d envelope=%dB%n", backend, devices, seconds,
                    batch, envelopeBytes);
            System.out.printf("push: %d requests, %.1f req/s, %.1f records/s, p50 %.1f ms, p99 %.1f ms%n",
                    r.push.size(), r.push.size() / (double) seconds, r.push.size() * batch / (double) seconds,
                    pct(r.push, 50), pct(r.push, 99));
            System.out.printf("pull: %d requests, %.1f req/s, %d records received, p50 %.1f ms, p99 %.1f ms%n",
                    r.pull.size(), r.pull.size() / (double) seconds, r.pulled.get(), pct(r.pull, 50), pct(r.pull, 99));
            System.out.printf("errors: %d, conflicts: %d%n", r.errors.get(), r.conflicts.get());
            System.out.printf("process CPU (server and simulated devices together): %.1f s, %.1f ms per request;"
                    + " load average at end %.1f%n", cpu / 1e9, cpu / 1e6 / Math.max(1, r.push.size() + r.pull.size()),
                    load);
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    private record Result(List<Long> push, List<Long> pull, AtomicLong pulled, AtomicLong errors, AtomicLong conflicts) {
    }

    private static Result run(SyncServer server, TestTokens tokens, int devices, int seconds, int batch,
                              int envelopeBytes) throws InterruptedException {
        ConcurrentLinkedQueue<Long> push = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> pull = new ConcurrentLinkedQueue<>();
        AtomicLong pulled = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(devices);
        for (int d = 0; d < devices; d++) {
            String account = "acct-" + (d / 2);
            String vault = "vault-" + (d / 2);
            String token = tokens.access(account, "device-" + d);
            PinnedHttp http = new PinnedHttp(server.baseUri(), server.fingerprint());
            http.sendJson("POST", "/v1/vaults", token, Map.of("vaultId", vault));
            long seed = d;
            Thread.ofPlatform().start(() -> {
                try {
                    Random random = new Random(seed);
                    long cursor = 0;
                    while (System.nanoTime() < end) {
                        List<PushItem> items = new ArrayList<>();
                        for (int i = 0; i < batch; i++) {
                            byte[] env = new byte[envelopeBytes];
                            random.nextBytes(env);
                            items.add(new PushItem(UUID.randomUUID().toString(), 0, 1, env, false));
                        }
                        long t0 = System.nanoTime();
                        HttpResponse<String> pr = http.sendJson("POST", "/v1/vaults/" + vault + "/changes", token,
                                new PushRequest(items));
                        push.add(System.nanoTime() - t0);
                        if (pr.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else if (pr.body().contains("\"conflict\"")) {
                            conflicts.incrementAndGet();
                        }
                        long t1 = System.nanoTime();
                        HttpResponse<String> r = http.get("/v1/vaults/" + vault + "/changes?after=" + cursor
                                + "&limit=1000", token);
                        pull.add(System.nanoTime() - t1);
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                        ChangePage page = PinnedHttp.read(r, ChangePage.class);
                        pulled.addAndGet(page.changes().size());
                        cursor = page.cursor();
                    }
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        return new Result(new ArrayList<>(push), new ArrayList<>(pull), pulled, errors, conflicts);
    }

    private static double pct(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return 0;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(idx, sorted.length - 1))] / 1e6;
    }
}
