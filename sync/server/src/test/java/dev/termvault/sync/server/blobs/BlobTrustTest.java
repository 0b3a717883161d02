package dev.termvault.sync.server.blobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import dev.termvault.sync.server.support.BlobClient;
import dev.termvault.sync.server.support.BlobServer;
import dev.termvault.sync.server.support.PinnedHttp;
import dev.termvault.sync.server.support.TestTokens;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the blob service trusts: access tokens only for its own audience, revocation notices only while they
 * are fresh, token keys only from the key service over HTTPS with its certificate pinned.
 */
class BlobTrustTest {

    @TempDir
    Path dir;

    @Test
    void accessToken_forAnotherAudienceOrNone_isRefused() throws Exception {
        TestTokens tokens = new TestTokens();
        try (BlobServer server = new BlobServer(dir, tokens)) {
            Instant now = Instant.now();
            Duration life = Duration.ofMinutes(5);
            String other = tokens.access("acct", "dev", "termvault-keys", "another-service", now, life);
            String none = tokens.access("acct", "dev", "termvault-keys", null, now, life);
            String keysOnly = tokens.access("acct", "dev", "termvault-keys", "termvault-keys", now, life);

            assertThat(new BlobClient(server.http(), other).createVault("v").statusCode()).isEqualTo(401);
            assertThat(new BlobClient(server.http(), none).createVault("v").statusCode()).isEqualTo(401);
            assertThat(new BlobClient(server.http(), keysOnly).createVault("v").statusCode()).isEqualTo(401);
            assertThat(new BlobClient(server.http(), tokens.access("acct", "dev")).createVault("v").statusCode())
                    .as("the right audience").isEqualTo(201);
        }
    }

    @Test
    void configuredAudience_isTheOneRequired() throws Exception {
        TestTokens tokens = new TestTokens();
        try (BlobServer server = new BlobServer(dir, tokens, dev.termvault.sync.server.support.Backend.SQLITE,
                new java.util.ArrayList<>(), Map.of("blobs.token.audience", "blobs-eu"))) {
            Instant now = Instant.now();
            assertThat(new BlobClient(server.http(), tokens.access("acct", "dev")).createVault("v").statusCode())
                    .isEqualTo(401);
            assertThat(new BlobClient(server.http(), tokens.access("acct", "dev", "termvault-keys", "blobs-eu", now,
                    Duration.ofMinutes(5))).createVault("v").statusCode()).isEqualTo(201);
        }
    }

    @Test
    void revocationNotice_expiredOrWithoutExpiry_isRefused_aFreshOneIsApplied() throws Exception {
        TestTokens tokens = new TestTokens();
        try (BlobServer server = new BlobServer(dir, tokens)) {
            PinnedHttp http = server.http();
            BlobClient device = new BlobClient(http, tokens.access("acct", "lost"));
            device.createVaultOk("v");
            Instant hourAgo = Instant.now().minus(Duration.ofHours(1));

            assertThat(revoke(http, tokens.revocation("acct", "lost", hourAgo, Duration.ofMinutes(10))).statusCode())
                    .as("expired").isEqualTo(401);
            assertThat(revoke(http, tokens.revocation("acct", "lost", Instant.now(), null)).statusCode())
                    .as("no expiry").isEqualTo(401);
            assertThat(device.pullRaw("v", 0, 10).statusCode()).as("nothing was revoked").isEqualTo(200);

            assertThat(revoke(http, tokens.revocation("acct", "lost")).statusCode()).isEqualTo(204);
            assertThat(device.pullRaw("v", 0, 10).statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<String> revoke(PinnedHttp http, String token) {
        return http.sendJson("POST", "/v1/internal/revocations", null, Map.of("token", token));
    }

    @Test
    void jwksUrl_overPlainHttpOrWithoutAPinnedFingerprint_isRefusedAtStart() {
        Map<String, String> base = Map.of("server.roles", "blobs", "server.data", dir.toString(), "server.port", "0");
        ServerConfig plain = ServerConfig.of(base).with(Map.of("blobs.keys.url", "http://127.0.0.1:8443",
                "blobs.keys.fingerprint", "AA:BB"));
        ServerConfig unpinned = ServerConfig.of(base).with(Map.of("blobs.keys.url", "https://127.0.0.1:8443"));

        assertThatThrownBy(() -> SyncServer.start(plain).close()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blobs.keys.url must be an https:// URL")
                .hasMessageContaining("never fetched over plain HTTP");
        assertThatThrownBy(() -> SyncServer.start(unpinned).close()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blobs.keys.fingerprint");
    }
}
