package dev.termvault.app.desktop;

import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import java.nio.file.Path;
import java.util.Map;

/** The real sync server (both roles) on a loopback port with its data in a test folder; stops and starts again on the same port. */
final class LoopbackSyncServer implements AutoCloseable {

    private final Path data;
    private SyncServer server;
    private int port;
    private String url;
    private String fingerprint;

    LoopbackSyncServer(Path data) {
        this.data = data;
        start();
    }

    void start() {
        server = SyncServer.start(ServerConfig.of(Map.of("server.roles", "all", "server.data", data.toString(),
                "server.port", Integer.toString(port), "keys.throttle.addressFailures", "1000")));
        port = server.port();
        url = server.baseUri().toString();
        fingerprint = server.fingerprint();
    }

    void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    String url() {
        return url;
    }

    String fingerprint() {
        return fingerprint;
    }

    @Override
    public void close() {
        stop();
    }
}
