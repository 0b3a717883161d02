package dev.termvault.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Host;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push bodies travel gzip-compressed once the server has said it reads them: the bytes TCP carries upward
 * (TLS and headers included) are well below the JSON bodies the client's interceptors see, and the server
 * stores every record.
 */
class RequestCompressionTest {

    @TempDir
    Path dir;

    @Test
    void pushBodies_areSentGzipCompressed_andEveryRecordArrives() {
        try (TestServer server = new TestServer(dir.resolve("server"))) {
            CreatedVault created = Vault.createLocal(dir.resolve("laptop"), TwoDeviceSyncTest.pw());
            try (Vault laptop = created.vault()) {
                List<Host> hosts = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    hosts.add(Host.of("host-" + i, "h" + i + ".example.org", 22, "user" + i));
                }
                laptop.addAll(hosts);
                TrafficTap tap = new TrafficTap();
                CountingSocketFactory tcp = new CountingSocketFactory();
                AccountSession session = server.client().addInterceptor(tap).socketFactory(tcp).build()
                        .signUp(laptop, "gzip-" + UUID.randomUUID() + "@example.org", TwoDeviceSyncTest.pw());
                long sentBefore = tcp.sent.get();
                int capturedBefore = tap.captured.size();

                new Synchronizer(laptop, session).syncOnce();

                long pushJsonBytes = tap.captured.subList(capturedBefore, tap.captured.size()).stream()
                        .filter(m -> m.startsWith("POST ") && m.contains("/changes\n"))
                        .mapToLong(m -> m.substring(m.indexOf("{")).getBytes(StandardCharsets.UTF_8).length)
                        .sum();
                long sentOnTcp = tcp.sent.get() - sentBefore;
                assertThat(pushJsonBytes).isGreaterThan(400L * 684 * 4 / 3);
                assertThat(sentOnTcp).isLessThan(pushJsonBytes * 85 / 100);
                assertThat(laptop.sync().pendingCount()).isZero();
                assertThat(session.pull(laptop.vaultId(), 0, 1000).changes()).hasSize(400);
            }
        }
    }
}
