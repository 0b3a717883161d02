package dev.termvault.sync.server.blobs;

import static dev.termvault.sync.server.support.BlobClient.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.sync.server.support.BlobClient;
import dev.termvault.sync.server.support.BlobServer;
import dev.termvault.sync.server.support.SseReader;
import dev.termvault.sync.server.support.TestTokens;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change stream delivers a push from one device to another's open SSE connection, and only to its account. */
class ChangeStreamTest {
    @TempDir
    Path dir;
    private final TestTokens tokens = new TestTokens();
    private BlobServer server;

    @BeforeEach
    void start() throws Exception {
        server = new BlobServer(dir, tokens);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pushFromLaptop_reachesDesktopsOpenStream_withOnlyVaultIdAndCursor() throws Exception {
        BlobClient laptop = new BlobClient(server.http(), tokens.access("acct", "laptop"));
        laptop.createVaultOk("v1");
        laptop.push("v1", put("r1", 0, new byte[] {1}));
        BlobClient intruder = new BlobClient(server.http(), tokens.access("other", "x"));
        intruder.createVaultOk("other-vault");
        try (SseReader desktop = new SseReader(server.http(), tokens.access("acct", "desktop"));
             SseReader other = new SseReader(server.http(), intruder.token())) {
            assertThat(desktop.status()).isEqualTo(200);
            assertThat(desktop.next("data:")).isEqualTo("data: {\"vaultId\":\"v1\",\"cursor\":1}");
            assertThat(desktop.next(":")).isEqualTo(": ready");
            assertThat(other.next(":")).isEqualTo(": ready");

            laptop.push("v1", put("secret-record-id", 0, "opaque-envelope".getBytes()));
            String event = desktop.next("event:");
            assertThat(event).isEqualTo("event: vault");
            assertThat(desktop.next("data:")).isEqualTo("data: {\"vaultId\":\"v1\",\"cursor\":2}");

            // the other account hears only its own vault: its own push is the first event it sees
            intruder.push("other-vault", put("r", 0, new byte[] {2}));
            assertThat(other.next("data:")).isEqualTo("data: {\"vaultId\":\"other-vault\",\"cursor\":1}");
        }
    }

    @Test
    void revokedDevice_streamIsClosedAtOnce() throws Exception {
        try (SseReader lost = new SseReader(server.http(), tokens.access("acct", "lost"))) {
            assertThat(lost.next(":")).isEqualTo(": ready");
            var r = server.http().sendJson("POST", "/v1/internal/revocations", null,
                    Map.of("token", tokens.revocation("acct", "lost")));
            assertThat(r.statusCode()).isEqualTo(204);
            assertThat(lost.next("<")).isEqualTo(SseReader.CLOSED);
        }
        assertThat(new SseReader(server.http(), tokens.access("acct", "lost")).status()).isEqualTo(401);
    }
}
