package dev.termvault.sync.server.blobs;

import static dev.termvault.sync.server.support.BlobClient.delete;
import static dev.termvault.sync.server.support.BlobClient.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.sync.protocol.blobs.Change;
import dev.termvault.sync.protocol.blobs.ChangePage;
import dev.termvault.sync.protocol.blobs.PushResponse;
import dev.termvault.sync.protocol.blobs.PushResult;
import dev.termvault.sync.protocol.blobs.Usage;
import dev.termvault.sync.protocol.blobs.VaultKeyList;
import dev.termvault.sync.protocol.blobs.VaultList;
import dev.termvault.sync.server.support.Backend;
import dev.termvault.sync.server.support.BlobClient;
import dev.termvault.sync.server.support.BlobServer;
import dev.termvault.sync.server.support.PinnedHttp;
import dev.termvault.sync.server.support.TestTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Push/pull round trips over real HTTPS on loopback, against SQLite and PostgreSQL stores. */
class BlobSyncTest {
    @TempDir
    Path dir;
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private final TestTokens tokens = new TestTokens();
    private BlobServer server;

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
        for (AutoCloseable c : cleanup.reversed()) {
            c.close();
        }
    }

    private BlobClient device(String account, String device) {
        return new BlobClient(server.http(), tokens.access(account, device));
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void pushThenPull_otherDeviceSeesEnvelopesTombstonesAndCursor_andRestartKeepsEverything(Backend backend)
            throws Exception {
        server = new BlobServer(dir, tokens, backend, cleanup, Map.of());
        BlobClient laptop = device("acct-1", "laptop");
        laptop.createVaultOk("vault-1");
        byte[] e1 = bytes(300, 1);
        byte[] e2 = bytes(500, 2);
        PushResponse first = laptop.push("vault-1", put("r1", 0, e1), put("r2", 0, e2));
        assertThat(first.results()).extracting(PushResult::status).containsExactly("applied", "applied");
        assertThat(first.cursor()).isEqualTo(2);
        PushResponse second = laptop.push("vault-1", delete("r1", 1));
        assertThat(second.cursor()).isEqualTo(3);

        BlobClient desktop = device("acct-1", "desktop");
        ChangePage page = desktop.pull("vault-1", 0, 100);
        assertThat(page.hasMore()).isFalse();
        assertThat(page.cursor()).isEqualTo(3);
        assertThat(page.changes()).hasSize(2);
        Change r2 = page.changes().get(0);
        assertThat(r2.recordId()).isEqualTo("r2");
        assertThat(r2.envelope()).isEqualTo(e2);
        Change r1 = page.changes().get(1);
        assertThat(r1.recordId()).isEqualTo("r1");
        assertThat(r1.deleted()).isTrue();
        assertThat(r1.envelope()).isNull();
        assertThat(r1.revision()).isEqualTo(2);
        assertThat(desktop.pull("vault-1", 3, 100).changes()).isEmpty();

        var key = server.http().sendJson("PUT", "/v1/vaults/vault-1/keys/1", laptop.token(),
                Map.of("wrappedKey", bytes(40, 3)));
        assertThat(key.statusCode()).isEqualTo(201);

        server.restart();
        BlobClient after = device("acct-1", "desktop");
        ChangePage again = after.pull("vault-1", 0, 100);
        assertThat(again.cursor()).isEqualTo(3);
        assertThat(again.changes().get(0).envelope()).isEqualTo(e2);
        VaultKeyList keys = PinnedHttp.read(server.http().get("/v1/vaults/vault-1/keys", after.token()), VaultKeyList.class);
        assertThat(keys.keys()).singleElement().satisfies(k -> assertThat(k.wrappedKey()).isEqualTo(bytes(40, 3)));
        VaultList vaults = PinnedHttp.read(server.http().get("/v1/vaults", after.token()), VaultList.class);
        assertThat(vaults.vaults()).singleElement().satisfies(v -> assertThat(v.cursor()).isEqualTo(3));
        // sequence numbers continue after a restart
        assertThat(after.push("vault-1", put("r3", 0, bytes(10, 4))).cursor()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void push_staleBase_isConflictWithCurrentEnvelope_whileOtherItemsApply(Backend backend) throws Exception {
        server = new BlobServer(dir, tokens, backend, cleanup, Map.of());
        BlobClient a = device("acct-1", "a");
        BlobClient b = device("acct-1", "b");
        a.createVaultOk("v");
        byte[] original = "first-envelope".getBytes(StandardCharsets.UTF_8);
        a.push("v", put("r1", 0, original));
        byte[] fromA = bytes(64, 5);
        assertThat(a.push("v", put("r1", 1, fromA)).results().get(0).status()).isEqualTo("applied");

        PushResponse response = b.push("v", put("r1", 1, bytes(64, 6)), put("r2", 0, bytes(32, 7)),
                put("r-new", 3, bytes(8, 8)));
        assertThat(response.results()).extracting(PushResult::status).containsExactly("conflict", "applied", "conflict");
        Change current = response.results().get(0).current();
        assertThat(current.revision()).isEqualTo(2);
        assertThat(current.envelope()).isEqualTo(fromA);
        assertThat(response.results().get(2).current().revision()).isZero();
        assertThat(a.pull("v", 0, 10).changes()).extracting(Change::recordId).containsExactly("r1", "r2");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void pull_pagesInSequenceOrder_untilHasMoreIsFalse(Backend backend) throws Exception {
        server = new BlobServer(dir, tokens, backend, cleanup, Map.of());
        BlobClient a = device("acct-1", "a");
        a.createVaultOk("v");
        for (int i = 0; i < 25; i++) {
            a.push("v", put("r" + i, 0, bytes(16, i)));
        }
        a.push("v", put("r3", 1, bytes(16, 99)));
        List<String> seen = new ArrayList<>();
        long cursor = 0;
        int pages = 0;
        ChangePage page;
        do {
            page = a.pull("v", cursor, 10);
            page.changes().forEach(c -> seen.add(c.recordId()));
            assertThat(page.changes()).extracting(Change::seq).isSorted();
            cursor = page.cursor();
            pages++;
        } while (page.hasMore());
        assertThat(pages).isEqualTo(3);
        assertThat(cursor).isEqualTo(26);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates().endsWith("r3");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void push_pastQuota_isRefusedWholeWithQuotaExceeded_andUsageReportsIt(Backend backend) throws Exception {
        server = new BlobServer(dir, tokens, backend, cleanup, Map.of("blobs.quota.bytes", "1000",
                "blobs.quota.records", "3"));
        BlobClient a = device("acct-1", "a");
        a.createVaultOk("v");
        a.push("v", put("r1", 0, bytes(600, 1)));
        var tooBig = a.pushRaw("v", put("r2", 0, bytes(300, 2)), put("r3", 0, bytes(300, 3)));
        assertThat(tooBig.statusCode()).isEqualTo(403);
        assertThat(tooBig.body()).contains("\"code\":\"quota_exceeded\"");
        assertThat(a.pull("v", 0, 10).changes()).hasSize(1);
        a.push("v", put("r2", 0, bytes(10, 2)), put("r3", 0, bytes(10, 3)));
        var tooMany = a.pushRaw("v", put("r4", 0, bytes(10, 4)));
        assertThat(tooMany.statusCode()).isEqualTo(403);
        // a delete frees room again
        a.push("v", delete("r1", 1));
        Usage usage = PinnedHttp.read(server.http().get("/v1/usage", a.token()), Usage.class);
        assertThat(usage.bytes()).isEqualTo(20);
        assertThat(usage.records()).isEqualTo(2);
        assertThat(usage.maxBytes()).isEqualTo(1000);
    }
}
