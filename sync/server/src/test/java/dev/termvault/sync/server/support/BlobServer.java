package dev.termvault.sync.server.support;

import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real server with the blob role, started in-process on a free loopback port with its self-signed
 * certificate, trusting {@link TestTokens}' public key from a JWK set file. Restartable on the same store.
 */
public final class BlobServer implements AutoCloseable {
    private final Path dir;
    private final Map<String, String> config;
    private SyncServer server;
    private PinnedHttp http;

    public BlobServer(Path dir, TestTokens tokens, Backend backend, java.util.List<AutoCloseable> cleanup,
                      Map<String, String> extra) throws Exception {
        this.dir = dir;
        this.config = new HashMap<>();
        config.put("server.roles", "blobs");
        config.put("server.data", dir.toString());
        config.put("server.port", "0");
        config.put("blobs.jwks.file", tokens.writeJwks(dir.resolve("jwks.json")).toString());
        if (backend == Backend.POSTGRESQL) {
            var settings = backend.settings(dir, "blobs", cleanup);
            config.put("blobs.db.url", settings.url());
            config.put("blobs.db.user", settings.user());
        }
        config.putAll(extra);
        start();
    }

    public BlobServer(Path dir, TestTokens tokens) throws Exception {
        this(dir, tokens, Backend.SQLITE, new java.util.ArrayList<>(), Map.of());
    }

    private void start() {
        server = SyncServer.start(ServerConfig.of(config));
        http = new PinnedHttp(server.baseUri(), server.fingerprint());
    }

    public void restart() {
        server.close();
        start();
    }

    public PinnedHttp http() {
        return http;
    }

    public SyncServer server() {
        return server;
    }

    public String setting(String key) {
        return config.get(key);
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        server.close();
    }
}
