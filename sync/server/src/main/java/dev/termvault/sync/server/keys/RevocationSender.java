package dev.termvault.sync.server.keys;

import dev.termvault.sync.protocol.blobs.RevocationNotice;
import dev.termvault.sync.server.Peers;
import dev.termvault.sync.server.RevocationListener;
import dev.termvault.sync.server.http.Json;
import dev.termvault.sync.server.keys.crypto.TokenSigner;
import dev.termvault.sync.server.tls.PinnedTrustManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the blob service that a device was revoked: in process through the blob role's
 * {@link RevocationListener} when both roles run together, otherwise by POSTing a signed revocation JWT to
 * {@code <keys.blobs.url>/v1/internal/revocations}. A failed delivery is logged; the device's access tokens
 * then still die within their 5-minute lifetime, and its refresh tokens are already gone.
 */
final class RevocationSender {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationSender.class);

    private final Peers peers;
    private final URI blobsUrl;
    private final HttpClient http;
    private final TokenSigner signer;

    RevocationSender(Peers peers, URI blobsUrl, String blobsFingerprint, TokenSigner signer) {
        this.peers = peers;
        this.blobsUrl = blobsUrl;
        this.signer = signer;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (blobsFingerprint != null) {
            b.sslContext(PinnedTrustManager.sslContext(blobsFingerprint));
        }
        this.http = blobsUrl == null ? null : b.build();
    }

    /** Delivers the revocation; true when the blob service acknowledged it. */
    boolean send(String accountId, String deviceId) {
        Optional<RevocationListener> local = peers == null ? Optional.empty() : peers.find(RevocationListener.class);
        if (local.isPresent()) {
            local.get().deviceRevoked(accountId, deviceId);
            return true;
        }
        if (http == null) {
            LOG.warn("event=revocation_not_delivered device={} reason=no_blob_service_configured", deviceId);
            return false;
        }
        try {
            String body = Json.mapper().writeValueAsString(new RevocationNotice(signer.issueRevocation(accountId, deviceId)));
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(blobsUrl.resolve("/v1/internal/revocations"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            boolean ok = response.statusCode() / 100 == 2;
            if (!ok) {
                LOG.warn("event=revocation_not_delivered device={} status={}", deviceId, response.statusCode());
            }
            return ok;
        } catch (IOException | GeneralSecurityException e) {
            LOG.warn("event=revocation_not_delivered device={} type={}", deviceId, e.getClass().getSimpleName());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
