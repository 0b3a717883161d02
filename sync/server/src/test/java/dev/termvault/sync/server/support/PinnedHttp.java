package dev.termvault.sync.server.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.termvault.sync.server.tls.PinnedTrustManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain java.net.http client that trusts only the server certificate with the pinned fingerprint. */
public final class PinnedHttp {
    public static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final URI base;
    private final String fingerprint;

    public PinnedHttp(URI base, String fingerprint) {
        this(base, fingerprint, null);
    }

    /**
     * A client whose connections leave from {@code localAddress} (for example 127.0.0.2: any address of the
     * loopback range), so a test can speak as several client addresses; null for the system's choice.
     */
    public PinnedHttp(URI base, String fingerprint, InetAddress localAddress) {
        this.base = base;
        this.fingerprint = fingerprint;
        HttpClient.Builder b = HttpClient.newBuilder()
                .sslContext(PinnedTrustManager.sslContext(fingerprint))
                .connectTimeout(Duration.ofSeconds(10));
        if (localAddress != null) {
            b.localAddress(localAddress);
        }
        this.client = b.build();
    }

    /** A client of the same server whose connections leave from the loopback address {@code 127.0.0.<n>}. */
    public PinnedHttp from(int n) {
        try {
            return new PinnedHttp(base, fingerprint, InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) n}));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public HttpClient client() {
        return client;
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public HttpResponse<String> send(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder b = request(path, token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    public HttpResponse<String> sendJson(String method, String path, String token, Object body) {
        try {
            return send(method, path, token, "application/json", JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(HttpResponse<String> response, Class<T> type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
