package dev.termvault.sync.server.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.termvault.sync.server.Peers;
import dev.termvault.sync.server.PublicJwks;
import dev.termvault.sync.server.store.DataFiles;
import dev.termvault.sync.server.tls.PinnedTrustManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key service's public signing keys, as the blob service knows them. Sources, merged by key id: a JWK
 * set file configured by the operator; the key role in the same process; and {@code GET /v1/keys/jwks} on
 * the key service. Keys fetched are cached in memory and in a file, so the blob service keeps verifying
 * tokens while the key service is down, also across its own restarts. An unknown key id triggers a refresh,
 * at most once per {@code minRefreshInterval}. Only public keys are ever accepted.
 */
public final class TokenKeys {
    private static final Logger LOG = LoggerFactory.getLogger(TokenKeys.class);

    private final Path configuredFile;
    private final Path cacheFile;
    private final URI jwksUri;
    private final HttpClient http;
    private final Peers peers;
    private final Clock clock;
    private final Duration minRefreshInterval;
    private final AtomicReference<JWKSet> current = new AtomicReference<>(new JWKSet());
    private volatile Instant lastRefresh = Instant.EPOCH;

    /**
     * @param configuredFile a JWK set file, or null
     * @param cacheFile      where fetched keys are kept between restarts, or null
     * @param keyServiceUrl  base URL of the key service (https://host:port), or null
     * @param pinnedFingerprint SHA-256 fingerprint of the key service's certificate; required with a URL
     * @throws IllegalArgumentException for a URL that is not https, or one without a fingerprint: keys that
     *         sign tokens are never taken from a connection someone in the middle could answer
     */
    public TokenKeys(Path configuredFile, Path cacheFile, URI keyServiceUrl, String pinnedFingerprint, Peers peers,
                     Clock clock, Duration minRefreshInterval) {
        this.configuredFile = configuredFile;
        this.cacheFile = cacheFile;
        this.jwksUri = keyServiceUrl == null ? null : keyServiceUrl.resolve("/v1/keys/jwks");
        this.http = keyServiceUrl == null ? null : pinnedClient(keyServiceUrl, pinnedFingerprint);
        this.peers = peers;
        this.clock = clock;
        this.minRefreshInterval = minRefreshInterval;
        current.set(merge(readFile(configuredFile), readFile(cacheFile)));
    }

    private static HttpClient pinnedClient(URI keyServiceUrl, String pinnedFingerprint) {
        if (!"https".equalsIgnoreCase(keyServiceUrl.getScheme()) || keyServiceUrl.getHost() == null) {
            throw new IllegalArgumentException("blobs.keys.url must be an https:// URL (it is " + keyServiceUrl.getScheme()
                    + "://...): the keys that sign access tokens are never fetched over plain HTTP");
        }
        if (pinnedFingerprint == null || pinnedFingerprint.isBlank()) {
            throw new IllegalArgumentException("blobs.keys.url needs blobs.keys.fingerprint, the SHA-256 fingerprint of"
                    + " the key service's certificate (the key service prints it when it starts)");
        }
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .sslContext(PinnedTrustManager.sslContext(pinnedFingerprint)).build();
    }

    /** The keys known now. */
    public JWKSet keys() {
        return current.get();
    }

    /**
     * Re-reads every source unless one was read within the minimum interval; keeps the keys it has when a
     * source fails. Returns whether it looked.
     */
    public synchronized boolean refresh() {
        Instant now = clock.instant();
        if (now.isBefore(lastRefresh.plus(minRefreshInterval))) {
            return false;
        }
        lastRefresh = now;
        JWKSet fetched = fetchPeer();
        if (fetched == null) {
            fetched = fetchRemote();
        }
        if (fetched != null && !fetched.getKeys().isEmpty()) {
            writeCache(fetched);
        }
        current.set(merge(readFile(configuredFile), fetched != null ? fetched : current.get()));
        return true;
    }

    private JWKSet fetchPeer() {
        if (peers == null) {
            return null;
        }
        return peers.find(PublicJwks.class).map(p -> parse(p.jwksJson(), "the key role")).orElse(null);
    }

    private JWKSet fetchRemote() {
        if (http == null) {
            return null;
        }
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                LOG.warn("event=jwks_fetch_failed status={}", r.statusCode());
                return null;
            }
            return parse(r.body(), "the key service");
        } catch (IOException e) {
            LOG.warn("event=jwks_fetch_failed reason=unreachable");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static JWKSet parse(String json, String source) {
        try {
            return publicOnly(JWKSet.parse(json));
        } catch (ParseException e) {
            LOG.warn("event=jwks_unreadable source={}", source);
            return null;
        }
    }

    private static JWKSet readFile(Path file) {
        if (file == null || !Files.exists(file)) {
            return new JWKSet();
        }
        try {
            return publicOnly(JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | ParseException e) {
            LOG.warn("event=jwks_unreadable file={}", file.getFileName());
            return new JWKSet();
        }
    }

    private void writeCache(JWKSet keys) {
        if (cacheFile == null) {
            return;
        }
        try {
            Files.createDirectories(cacheFile.toAbsolutePath().getParent());
            Path tmp = cacheFile.resolveSibling(cacheFile.getFileName() + ".tmp");
            DataFiles.ownerOnlyFile(tmp);
            Files.writeString(tmp, keys.toString(true), StandardCharsets.UTF_8);
            Files.move(tmp, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("event=jwks_cache_write_failed");
        }
    }

    private static JWKSet publicOnly(JWKSet set) {
        List<JWK> keys = new ArrayList<>();
        for (JWK k : set.getKeys()) {
            keys.add(k.toPublicJWK());
        }
        return new JWKSet(keys);
    }

    private static JWKSet merge(JWKSet a, JWKSet b) {
        Map<String, JWK> byId = new LinkedHashMap<>();
        for (JWK k : b.getKeys()) {
            byId.put(keyId(k), k);
        }
        for (JWK k : a.getKeys()) {
            byId.put(keyId(k), k);
        }
        return new JWKSet(new ArrayList<>(byId.values()));
    }

    private static String keyId(JWK k) {
        if (k.getKeyID() != null) {
            return k.getKeyID();
        }
        try {
            return k.computeThumbprint().toString();
        } catch (com.nimbusds.jose.JOSEException e) {
            return k.toJSONString();
        }
    }
}
