package dev.termvault.sync.server.blobs;

import dev.termvault.sync.server.RevocationListener;
import dev.termvault.sync.server.Role;
import dev.termvault.sync.server.RoleContext;
import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.auth.AccessTokenVerifier;
import dev.termvault.sync.server.auth.TokenKeys;
import dev.termvault.sync.server.blobs.store.BlobStore;
import io.javalin.config.RoutesConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The blob service: stores only opaque vault data, for accounts whose access tokens the key service signed.
 * It verifies tokens with the key service's public keys alone and keeps serving while the key service is down.
 *
 * <p>Configuration: {@code blobs.jwks.file} (a JWK set file), {@code blobs.keys.url} (the key service, for
 * {@code GET /v1/keys/jwks}; https only), {@code blobs.keys.fingerprint} (its pinned certificate, required with
 * the URL), {@code blobs.token.issuer}, {@code blobs.token.audience}, and the limits of {@link BlobLimits}.
 */
public final class BlobsRole implements Role {
    private final RoleContext context;
    private final BlobService service;
    private final StreamClients streams;
    private final BlobRoutes routes;

    BlobsRole(RoleContext context) {
        this.context = context;
        ServerConfig config = context.config();
        LocalChangeHub hub = new LocalChangeHub();
        this.service = new BlobService(new BlobStore(context.database()), BlobLimits.from(config), hub,
                context.clock(), context.metrics());
        this.streams = new StreamClients(hub, service::isRevoked, config.getInt("blobs.stream.heartbeatSeconds", 15));
        TokenKeys keys = new TokenKeys(
                config.find("blobs.jwks.file").map(Path::of).orElse(null),
                config.dataDir().resolve("blobs-jwks-cache.json"),
                config.find("blobs.keys.url").map(URI::create).orElse(null),
                config.find("blobs.keys.fingerprint").orElse(null),
                context.peers(), context.clock(), Duration.ofSeconds(config.getInt("blobs.jwks.minRefreshSeconds", 30)));
        AccessTokenVerifier verifier = new AccessTokenVerifier(keys,
                config.get("blobs.token.issuer", AccessTokenVerifier.DEFAULT_ISSUER),
                config.get("blobs.token.audience", AccessTokenVerifier.DEFAULT_AUDIENCE), context.clock(),
                service::isRevoked);
        RevocationListener revocations = (account, device) -> {
            service.deviceRevoked(account, device);
            streams.closeDevice(device);
        };
        context.peers().provide(RevocationListener.class, revocations);
        context.metrics().gauge("termvault_blobs_open_streams", "open change streams", streams::open);
        this.routes = new BlobRoutes(service, verifier, streams, revocations);
    }

    @Override
    public String name() {
        return BlobsRoleFactory.NAME;
    }

    @Override
    public void routes(RoutesConfig r) {
        routes.mount(r);
    }

    @Override
    public boolean healthy() {
        return context.database().ping();
    }

    @Override
    public void drain() {
        streams.close();
    }

    @Override
    public void close() {
        streams.close();
    }
}
