package dev.termvault.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.termvault.sync.protocol.blobs.Change;
import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that lies, played by an interceptor rewriting the real server's answers: each lie is refused
 * with ServerMisbehaved, and nothing local is overwritten.
 */
class LyingServerTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static TrafficTap tap = new TrafficTap();
    static Vault laptop;
    static AccountSession session;
    static String email;
    static String secretKey;

    @TempDir
    Path testDir;

    @BeforeAll
    static void signUp() {
        server = new TestServer(dir.resolve("server"));
        email = "liar-" + UUID.randomUUID() + "@example.org";
        CreatedVault created = Vault.createLocal(dir.resolve("laptop"), TwoDeviceSyncTest.pw());
        laptop = created.vault();
        secretKey = created.secretKey();
        session = server.client().addInterceptor(tap).build().signUp(laptop, email, TwoDeviceSyncTest.pw());
    }

    @AfterAll
    static void close() {
        laptop.close();
        server.close();
    }

    @AfterEach
    void honestAgain() {
        tap.stopRewriting();
    }

    private Synchronizer sync() {
        Synchronizer s = new Synchronizer(laptop, session);
        s.syncOnce();
        return s;
    }

    private static long cursor() {
        return laptop.sync().cursor();
    }

    private static ObjectNode page(long cursor, ObjectNode... changes) {
        ObjectNode page = Http.JSON.createObjectNode();
        ArrayNode list = page.putArray("changes");
        for (ObjectNode change : changes) {
            list.add(change);
        }
        page.put("cursor", cursor);
        page.put("hasMore", false);
        return page;
    }

    private static ObjectNode change(String recordId, long revision, long seq, byte[] envelope) {
        return Http.JSON.valueToTree(new Change(recordId, revision, seq, envelope, false));
    }

    private static boolean after(okhttp3.Request request, long cursor) {
        return String.valueOf(cursor).equals(request.url().queryParameter("after"));
    }

    @Test
    void recordServedAtOlderRevision_isRefused_andTheLocalRecordStays() {
        VaultRecord record = laptop.add(Host.of("rollback", "old.example.org", 22, "u"));
        Synchronizer sync = sync();
        Change first = session.pull(laptop.vaultId(), 0, 1000).changes().stream()
                .filter(c -> c.recordId().equals(record.id())).findFirst().orElseThrow();
        laptop.update(record.id(), Host.of("rollback", "new.example.org", 22, "u"));
        sync.syncOnce();
        long cursor = cursor();
        tap.rewrite("/changes", (request, answer) -> after(request, cursor)
                ? page(cursor + 1, change(record.id(), first.revision(), cursor + 1, first.envelope())) : answer);

        assertThatThrownBy(sync::syncOnce).isInstanceOf(SyncException.ServerMisbehaved.class)
                .hasMessageContaining("older than revision");
        assertThat(((Host) laptop.get(record.id()).orElseThrow().item()).hostname()).isEqualTo("new.example.org");
        assertThat(cursor()).isEqualTo(cursor);
    }

    @Test
    void recordSilentlyMissing_isRefusedOnTheFullCheck() {
        VaultRecord record = laptop.add(Host.of("missing", "here.example.org", 22, "u"));
        sync();
        tap.rewrite("/changes", (request, answer) -> {
            ArrayNode changes = (ArrayNode) answer.get("changes");
            for (int i = changes.size() - 1; i >= 0; i--) {
                if (changes.get(i).get("recordId").asText().equals(record.id())) {
                    changes.remove(i);
                }
            }
            return answer;
        });

        assertThatThrownBy(this::sync).isInstanceOf(SyncException.ServerMisbehaved.class)
                .hasMessageContaining("missing");
        assertThat(laptop.get(record.id())).isPresent();
    }

    @Test
    void ciphertextMovedBetweenRecords_isRefused_andNothingIsOverwritten() {
        VaultRecord a = laptop.add(Host.of("a", "a.example.org", 22, "u"));
        VaultRecord b = laptop.add(Host.of("b", "b.example.org", 22, "u"));
        Synchronizer sync = sync();
        Change bOnServer = session.pull(laptop.vaultId(), 0, 1000).changes().stream()
                .filter(c -> c.recordId().equals(b.id())).findFirst().orElseThrow();
        long cursor = cursor();
        tap.rewrite("/changes", (request, answer) -> after(request, cursor)
                ? page(cursor + 1, change(a.id(), a.revision() + 1, cursor + 1, bOnServer.envelope())) : answer);

        assertThatThrownBy(sync::syncOnce).isInstanceOf(SyncException.ServerMisbehaved.class)
                .hasMessageContaining("does not open");
        assertThat(((Host) laptop.get(a.id()).orElseThrow().item()).hostname()).isEqualTo("a.example.org");
    }

    @Test
    void vaultServedOlderThanSeen_isRefused() {
        laptop.add(Host.of("c", "c.example.org", 22, "u"));
        Synchronizer sync = sync();
        assertThat(cursor()).isPositive();
        tap.rewrite("/v1/vaults/" + laptop.vaultId(), (request, answer) -> ((ObjectNode) answer).put("cursor", 0));

        assertThatThrownBy(sync::syncOnce).isInstanceOf(SyncException.ServerMisbehaved.class)
                .hasMessageContaining("served older");
    }

    @Test
    void kdfParametersBelowTheFloor_areRefusedBeforeAnyDerivation() {
        TrafficTap joinTap = new TrafficTap();
        joinTap.rewrite("/login/start", (request, answer) -> {
            ((ObjectNode) answer.get("kdf")).put("memoryKib", 1024);
            return answer;
        });
        SyncClient client = server.client().addInterceptor(joinTap).build();

        assertThatThrownBy(() -> client.join(testDir.resolve("new"), email, TwoDeviceSyncTest.pw(), secretKey))
                .isInstanceOf(SyncException.ServerMisbehaved.class).hasMessageContaining("KDF");
        assertThat(Vault.exists(testDir.resolve("new"))).isFalse();
        assertThat(joinTap.captured).noneMatch(m -> m.contains("/login/finish"));
    }

    @Test
    void loginAnswerWithAWrongServerProofOrAnAlteredShare_isRefused() {
        byte[] noise = new byte[48];
        new java.util.Random(11).nextBytes(noise);
        SyncClient client = SyncClient.builder(laptop.account().syncLink().orElseThrow()).addInterceptor(tap).build();

        tap.rewrite("/login/finish", (request, answer) -> ((ObjectNode) answer)
                .put("m2", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(noise, 32))));
        assertThatThrownBy(() -> client.logIn(laptop, TwoDeviceSyncTest.pw()))
                .isInstanceOf(SyncException.ServerMisbehaved.class).hasMessageContaining("did not prove");

        tap.rewrite("/login/finish", (request, answer) -> {
            byte[] sealed = Base64.getDecoder().decode(answer.get("sealedShare").asText());
            sealed[sealed.length - 1] ^= 1;
            return ((ObjectNode) answer).put("sealedShare", Base64.getEncoder().encodeToString(sealed));
        });
        assertThatThrownBy(() -> client.logIn(laptop, TwoDeviceSyncTest.pw()))
                .isInstanceOf(SyncException.ServerMisbehaved.class).hasMessageContaining("does not verify");

        tap.stopRewriting();
        assertThat(client.logIn(laptop, TwoDeviceSyncTest.pw()).devices()).as("the honest answer still works")
                .isNotEmpty();
    }

    @Test
    void wrappedVaultKeySwapped_isRefusedWhenJoining_andWhenLoggingIn() {
        TrafficTap joinTap = new TrafficTap();
        byte[] foreign = new byte[60];
        new java.util.Random(7).nextBytes(foreign);
        java.util.function.BiFunction<okhttp3.Request, JsonNode, JsonNode> swap = (request, answer) -> {
            for (JsonNode key : answer.get("keys")) {
                ((ObjectNode) key).put("wrappedKey", Base64.getEncoder().encodeToString(foreign));
            }
            return answer;
        };
        joinTap.rewrite("/keys", swap);
        SyncClient client = server.client().addInterceptor(joinTap).build();
        assertThatThrownBy(() -> client.join(testDir.resolve("new"), email, TwoDeviceSyncTest.pw(), secretKey))
                .isInstanceOf(SyncException.ServerMisbehaved.class).hasMessageContaining("wrapped vault key");

        tap.rewrite("/keys", swap);
        SyncClient again = SyncClient.builder(laptop.account().syncLink().orElseThrow()).addInterceptor(tap).build();
        assertThatThrownBy(() -> again.logIn(laptop, TwoDeviceSyncTest.pw()))
                .isInstanceOf(SyncException.ServerMisbehaved.class).hasMessageContaining("swapped");
    }
}
