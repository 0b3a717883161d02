package dev.termvault.sync.server.blobs;

import static dev.termvault.sync.server.support.BlobClient.put;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.termvault.sync.server.support.Backend;
import dev.termvault.sync.server.support.BlobClient;
import dev.termvault.sync.server.support.BlobServer;
import dev.termvault.sync.server.support.TestTokens;
import dev.termvault.sync.server.tls.TlsMaterial;
import dev.termvault.sync.server.tls.TlsMaterials;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blob service learns the key service's public keys from {@code GET /v1/keys/jwks} (over HTTPS with the
 * certificate pinned) and keeps serving its
 * own data, with tokens signed by those keys, while the key service is down, across its own restart too.
 */
class KeyServiceDownTest {
    @TempDir
    Path dir;

    @Test
    void keyServiceStops_blobServiceKeepsVerifyingTokensAndServingData_evenAfterRestart() throws Exception {
        TestTokens keyService = new TestTokens("ks-1");
        AtomicInteger fetches = new AtomicInteger();
        TlsMaterial tls = TlsMaterials.selfSigned(dir.resolve("jwks-tls"));
        HttpsServer jwks = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.setHttpsConfigurator(new HttpsConfigurator(sslContext(tls)));
        jwks.createContext("/v1/keys/jwks", ex -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(keyService.key().toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        jwks.start();
        String keysUrl = "https://127.0.0.1:" + jwks.getAddress().getPort();
        TestTokens unrelated = new TestTokens("file-key");
        try (BlobServer server = new BlobServer(dir, unrelated, Backend.SQLITE, new ArrayList<>(),
                Map.of("blobs.keys.url", keysUrl, "blobs.keys.fingerprint", tls.fingerprint(),
                        "blobs.jwks.minRefreshSeconds", "0"))) {
            BlobClient device = new BlobClient(server.http(), keyService.access("acct", "dev"));
            device.createVaultOk("v");
            device.push("v", put("r1", 0, new byte[] {1, 2, 3}));
            assertThat(fetches.get()).isPositive();
            assertThat(Files.exists(dir.resolve("blobs-jwks-cache.json"))).isTrue();

            jwks.stop(0);
            BlobClient fresh = new BlobClient(server.http(), keyService.access("acct", "dev"));
            assertThat(fresh.pull("v", 0, 10).changes()).hasSize(1);
            fresh.push("v", put("r2", 0, new byte[] {4}));

            server.restart();
            BlobClient afterRestart = new BlobClient(server.http(), keyService.access("acct", "dev"));
            assertThat(afterRestart.pull("v", 0, 10).changes()).hasSize(2);
            // a key the blob service never saw cannot be learnt while the key service is down
            TestTokens rotated = new TestTokens("ks-2");
            assertThat(new BlobClient(server.http(), rotated.access("acct", "dev")).pullRaw("v", 0, 10).statusCode())
                    .isEqualTo(401);
        } finally {
            jwks.stop(0);
        }
    }

    private static SSLContext sslContext(TlsMaterial tls) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(tls.keyStore(), tls.keyStorePassword());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }
}
