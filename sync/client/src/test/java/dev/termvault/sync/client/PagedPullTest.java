package dev.termvault.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Host;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull path of a new device against the real server on loopback: the change feed is read once, page by
 * page, and a page is applied whole or not at all (a bad change anywhere in it leaves no record and no
 * cursor movement behind; the next honest pass brings everything).
 */
class PagedPullTest {

    static final int RECORDS = Synchronizer.PAGE + 250;

    @TempDir
    static Path dir;
    static TestServer server;
    static String email;
    static String secretKey;
    static long serverCursor;

    @TempDir
    Path deviceDir;

    @BeforeAll
    static void laptopWithMoreThanOnePage() {
        server = new TestServer(dir.resolve("server"));
        email = "paged-" + UUID.randomUUID() + "@example.org";
        CreatedVault created = Vault.createLocal(dir.resolve("laptop"), TwoDeviceSyncTest.pw());
        secretKey = created.secretKey();
        try (Vault laptop = created.vault()) {
            List<Host> hosts = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                hosts.add(Host.of("host-" + i, "h" + i + ".example.org", 22, "user" + i));
            }
            laptop.addAll(hosts);
            new Synchronizer(laptop, server.client().build().signUp(laptop, email, TwoDeviceSyncTest.pw())).syncOnce();
            serverCursor = laptop.sync().cursor();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Device(Vault vault, Synchronizer sync, TrafficTap tap) {
    }

    private Device join() {
        TrafficTap tap = new TrafficTap();
        SyncClient.Joined joined = server.client().addInterceptor(tap).build()
                .join(deviceDir, email, TwoDeviceSyncTest.pw(), secretKey);
        return new Device(joined.vault(), new Synchronizer(joined.vault(), joined.session()), tap);
    }

    private static List<String> changeReads(TrafficTap tap) {
        return tap.captured.stream().filter(m -> m.startsWith("GET ") && m.contains("/changes?"))
                .map(m -> m.substring(0, m.indexOf('\n'))).toList();
    }

    @Test
    void initialSync_ofANewDevice_readsTheChangeFeedOnce_andBringsEveryRecord() {
        Device device = join();
        try (Vault vault = device.vault()) {
            device.sync().syncOnce();

            assertThat(vault.list()).hasSize(RECORDS);
            assertThat(vault.sync().cursor()).isEqualTo(serverCursor);
            assertThat(vault.sync().pendingCount()).isZero();
            List<String> reads = changeReads(device.tap());
            assertThat(reads).hasSize(2);
            assertThat(reads.get(0)).contains("after=0&");
            assertThat(reads).filteredOn(r -> r.contains("after=0&")).hasSize(1);
        }
    }

    @Test
    void ciphertextMovedInTheMiddleOfAPage_isRefused_andNothingOfThatPageIsKept() {
        Device device = join();
        try (Vault vault = device.vault()) {
            device.tap().rewrite("/changes", (request, answer) -> {
                ArrayNode changes = (ArrayNode) answer.get("changes");
                if ("0".equals(request.url().queryParameter("after")) && changes.size() > 600) {
                    ((ObjectNode) changes.get(500)).set("envelope", changes.get(501).get("envelope"));
                }
                return answer;
            });

            assertThatThrownBy(device.sync()::syncOnce).isInstanceOf(SyncException.ServerMisbehaved.class)
                    .hasMessageContaining("does not open");
            assertThat(vault.list()).isEmpty();
            assertThat(vault.sync().cursor()).isZero();

            device.tap().stopRewriting();
            device.sync().syncOnce();
            assertThat(vault.list()).hasSize(RECORDS);
            assertThat(vault.sync().cursor()).isEqualTo(serverCursor);
        }
    }

    @Test
    void recordServedTwiceInOnePage_isRefused_andNothingOfThatPageIsKept() {
        Device device = join();
        try (Vault vault = device.vault()) {
            device.tap().rewrite("/changes", (request, answer) -> {
                ArrayNode changes = (ArrayNode) answer.get("changes");
                if ("0".equals(request.url().queryParameter("after")) && changes.size() > 600) {
                    JsonNode copy = changes.get(10).deepCopy();
                    ((ObjectNode) copy).put("seq", changes.get(600).get("seq").asLong());
                    changes.set(600, copy);
                }
                return answer;
            });

            assertThatThrownBy(device.sync()::syncOnce).isInstanceOf(SyncException.ServerMisbehaved.class)
                    .hasMessageContaining("twice");
            assertThat(vault.list()).isEmpty();
            assertThat(vault.sync().cursor()).isZero();
        }
    }
}
