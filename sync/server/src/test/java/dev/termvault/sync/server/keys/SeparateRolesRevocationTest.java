package dev.termvault.sync.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import dev.termvault.sync.server.support.BlobClient;
import dev.termvault.sync.server.support.PinnedHttp;
import dev.termvault.sync.server.tls.TlsMaterials;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two roles as separate servers: the blob service learns the key service's public keys over HTTPS, and a
 * revocation reaches it as a signed notice on {@code POST /v1/internal/revocations}.
 */
class SeparateRolesRevocationTest {

    @TempDir
    Path keysData;
    @TempDir
    Path blobsData;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void revokeOnTheKeyService_isRefusedByASeparateBlobServiceAtOnce() throws Exception {
        String keysFingerprint = TlsMaterials.selfSigned(keysData.resolve("tls")).fingerprint();
        String blobsFingerprint = TlsMaterials.selfSigned(blobsData.resolve("tls")).fingerprint();
        int keysPort = freePort();
        int blobsPort = freePort();
        try (SyncServer keys = SyncServer.start(ServerConfig.of(Map.of("server.roles", "keys",
                "server.data", keysData.toString(), "server.port", Integer.toString(keysPort),
                "keys.blobs.url", "https://127.0.0.1:" + blobsPort, "keys.blobs.fingerprint", blobsFingerprint)));
             SyncServer blobs = SyncServer.start(ServerConfig.of(Map.of("server.roles", "blobs",
                "server.data", blobsData.toString(), "server.port", Integer.toString(blobsPort),
                "blobs.keys.url", "https://127.0.0.1:" + keysPort, "blobs.keys.fingerprint", keysFingerprint)))) {
            KeysClient client = new KeysClient(new PinnedHttp(keys.baseUri(), keys.fingerprint()));
            PinnedHttp blobHttp = new PinnedHttp(blobs.baseUri(), blobs.fingerprint());
            String run = UUID.randomUUID().toString().substring(0, 8);
            client.signup("sep-" + run + "@example.org", "pw", "sep-main-" + run);
            KeysClient.Session main = client.login("sep-" + run + "@example.org", "pw", "sep-main-" + run);
            KeysClient.Session lost = client.login("sep-" + run + "@example.org", "pw", "sep-lost-" + run);
            BlobClient lostBlobs = new BlobClient(blobHttp, lost.token());
            assertThat(lostBlobs.createVault(UUID.randomUUID().toString()).statusCode()).isEqualTo(201);

            assertThat(client.http().send("POST", "/v1/keys/devices/sep-lost-" + run + "/revoke", main.token(), null,
                    null).statusCode()).isEqualTo(204);

            assertThat(lostBlobs.createVault(UUID.randomUUID().toString()).statusCode()).isEqualTo(401);
            assertThat(new BlobClient(blobHttp, main.token()).createVault(UUID.randomUUID().toString()).statusCode())
                    .isEqualTo(201);
        }
    }
}
