package dev.termvault.sync.client;

import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The real sync server (both roles) on a loopback port, with its data in a test folder; restartable. */
final class TestServer implements AutoCloseable {

    private final Path data;
    private final Clock clock;
    private SyncServer server;
    private int port;

    TestServer(Path data) {
        this(data, Clock.systemUTC());
    }

    /** A server whose idea of the time is {@code clock} (token lifetimes, expiry). */
    TestServer(Path data, Clock clock) {
        this.data = data;
        this.clock = clock;
        start();
    }

    void start() {
        Map<String, String> config = new HashMap<>(Map.of("server.roles", "all", "server.data", data.toString(),
                "server.port", Integer.toString(port), "keys.throttle.addressFailures", "1000",
                "keys.signup.policy", "open", "keys.login.startsPerMinute", "100000",
                "keys.login.pendingPerAddress", "1000"));
        server = SyncServer.start(ServerConfig.of(config), clock);
        port = server.port();
    }

    void stop() {
        server.close();
    }

    URI uri() {
        return server.baseUri();
    }

    String fingerprint() {
        return server.fingerprint();
    }

    /** A client that reaches the server through {@code proxy} (pinning the certificate the proxy shows). */
    SyncClient.Builder clientVia(FaultyProxy proxy) {
        return SyncClient.builder(URI.create("https://127.0.0.1:" + proxy.port()), proxy.fingerprint())
                .timeout(java.time.Duration.ofSeconds(5));
    }

    int port() {
        return port;
    }

    SyncClient.Builder client() {
        return SyncClient.builder(uri(), fingerprint()).timeout(java.time.Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        server.close();
    }
}
