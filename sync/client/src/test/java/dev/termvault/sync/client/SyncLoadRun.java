package dev.termvault.sync.client;

import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Host;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Response;
import okio.Buffer;

/**
 * A measurement run, not a test (docs/performance.md, "Sync client"): pushing N records, the initial sync
 * of N records to a new device, and bytes per record: JSON bodies as the application sees them (after gzip
 * is undone) and what TCP carries (TLS records, headers and compressed bodies). Run with
 * {@code java -cp <test classpath> dev.termvault.sync.client.SyncLoadRun [RECORDS]}.
 */
public final class SyncLoadRun {

    private SyncLoadRun() {
    }

    /** Counts request and response body bytes. */
    static final class ByteCounter implements Interceptor {
        final AtomicLong bytes = new AtomicLong();

        @Override
        public Response intercept(Chain chain) throws IOException {
            if (chain.request().body() != null) {
                Buffer b = new Buffer();
                chain.request().body().writeTo(b);
                bytes.addAndGet(b.size());
            }
            Response response = chain.proceed(chain.request());
            byte[] body = response.body().bytes();
            bytes.addAndGet(body.length);
            return response.newBuilder().body(okhttp3.ResponseBody.create(body, response.body().contentType())).build();
        }
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("sync-load");
        TestServer server = new TestServer(dir.resolve("server"));
        String email = "load-" + UUID.randomUUID() + "@example.org";
        CreatedVault created = Vault.createLocal(dir.resolve("a"), "load password".toCharArray());
        Vault laptop = created.vault();
        List<Host> hosts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hosts.add(Host.of("host-" + i, "h" + i + ".example.org", 22, "user" + i));
        }
        laptop.addAll(hosts);
        ByteCounter up = new ByteCounter();
        CountingSocketFactory upTcp = new CountingSocketFactory();
        Synchronizer laptopSync = new Synchronizer(laptop, server.client().addInterceptor(up).socketFactory(upTcp).build()
                .signUp(laptop, email, "load password".toCharArray()));
        long upBefore = up.bytes.get();
        long upTcpBefore = upTcp.total();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        laptopSync.syncOnce();
        long pushNanos = System.nanoTime() - t0;
        long pushCpuNanos = processCpuNanos() - cpu0;
        long pushBytes = up.bytes.get() - upBefore;
        long pushTcpBytes = upTcp.total() - upTcpBefore;
        long envelopeBytes = laptop.sync().bases().stream().mapToLong(b -> b.envelope().length).sum();

        ByteCounter down = new ByteCounter();
        CountingSocketFactory tcp = new CountingSocketFactory();
        SyncClient.Joined joined = server.client().addInterceptor(down).socketFactory(tcp).build()
                .join(dir.resolve("b"), email, "load password".toCharArray(), created.secretKey());
        Vault desktop = joined.vault();
        Synchronizer desktopSync = new Synchronizer(desktop, joined.session());
        long before = down.bytes.get();
        long tcpBefore = tcp.total();
        long cpu1 = processCpuNanos();
        long t1 = System.nanoTime();
        desktopSync.syncOnce();
        long pullNanos = System.nanoTime() - t1;
        long pullCpuNanos = processCpuNanos() - cpu1;
        long pullBytes = down.bytes.get() - before;
        long tcpBytes = tcp.total() - tcpBefore;
        System.out.printf("records=%d push(all)=%d ms initial-sync(new device)=%d ms%n", desktop.list().size(),
                pushNanos / 1_000_000, pullNanos / 1_000_000);
        System.out.printf("CPU time of this process (client and server, all threads): push=%d ms initial-sync=%d ms"
                + " (load average %.1f)%n", pushCpuNanos / 1_000_000, pullCpuNanos / 1_000_000,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("envelope bytes/record=%.0f wire bytes/record on initial sync=%.0f (ratio %.2f)%n",
                envelopeBytes / (double) n, pullBytes / (double) n, pullBytes / (double) envelopeBytes);
        System.out.printf("push: body bytes/record=%.0f TCP bytes/record=%.0f%n", pushBytes / (double) n,
                pushTcpBytes / (double) n);
        System.out.printf("TCP bytes/record on initial sync=%.0f (ratio %.2f)%n", tcpBytes / (double) n,
                tcpBytes / (double) envelopeBytes);

        System.exit(0);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
