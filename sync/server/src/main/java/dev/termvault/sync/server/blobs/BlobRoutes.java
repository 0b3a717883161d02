package dev.termvault.sync.server.blobs;

import dev.termvault.sync.protocol.blobs.CreateVaultRequest;
import dev.termvault.sync.protocol.blobs.PushRequest;
import dev.termvault.sync.protocol.blobs.PutVaultKeyRequest;
import dev.termvault.sync.protocol.blobs.RevocationNotice;
import dev.termvault.sync.protocol.blobs.StreamEvent;
import dev.termvault.sync.protocol.blobs.VaultList;
import dev.termvault.sync.protocol.blobs.WrappedVaultKey;
import dev.termvault.sync.server.ApiException;
import dev.termvault.sync.server.RevocationListener;
import dev.termvault.sync.server.auth.AccessTokenVerifier;
import dev.termvault.sync.server.auth.Caller;
import dev.termvault.sync.server.auth.Revocation;
import dev.termvault.sync.server.http.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The blob service's HTTP endpoints (see docs/sync/protocol.md). Every one except the revocation hook needs a bearer token. */
final class BlobRoutes {
    private static final String CALLER = "termvault.caller";

    private final BlobService service;
    private final AccessTokenVerifier verifier;
    private final StreamClients streams;
    private final RevocationListener revocations;

    BlobRoutes(BlobService service, AccessTokenVerifier verifier, StreamClients streams, RevocationListener revocations) {
        this.service = service;
        this.verifier = verifier;
        this.streams = streams;
        this.revocations = revocations;
    }

    void mount(RoutesConfig r) {
        r.post("/v1/vaults", ctx -> {
            CreateVaultRequest req = Json.body(ctx, CreateVaultRequest.class);
            Caller caller = caller(ctx);
            boolean created = service.createVault(caller, req.vaultId());
            ctx.status(created ? 201 : 200).json(service.vault(caller, req.vaultId()));
        });
        r.get("/v1/vaults", ctx -> ctx.json(new VaultList(service.vaults(caller(ctx)))));
        r.get("/v1/vaults/{vaultId}", ctx -> ctx.json(service.vault(caller(ctx), ctx.pathParam("vaultId"))));
        r.get("/v1/vaults/{vaultId}/keys", ctx -> ctx.json(service.keys(caller(ctx), ctx.pathParam("vaultId"))));
        r.put("/v1/vaults/{vaultId}/keys/{version}", ctx -> {
            Caller caller = caller(ctx);
            int version = intParam(ctx.pathParam("version"), "version");
            PutVaultKeyRequest req = Json.body(ctx, PutVaultKeyRequest.class);
            boolean created = service.putKey(caller, ctx.pathParam("vaultId"), version, req.wrappedKey());
            ctx.status(created ? 201 : 200).json(new WrappedVaultKey(version, req.wrappedKey()));
        });
        r.post("/v1/vaults/{vaultId}/keys/rewrap", ctx -> ctx.json(service.rewrapKeys(caller(ctx),
                ctx.pathParam("vaultId"), Json.body(ctx, dev.termvault.sync.protocol.blobs.RewrapVaultKeysRequest.class))));
        r.get("/v1/vaults/{vaultId}/changes", ctx -> {
            Caller caller = caller(ctx);
            long after = longParam(ctx.queryParam("after"), "after", 0);
            String limit = ctx.queryParam("limit");
            ctx.json(service.changes(caller, ctx.pathParam("vaultId"), after,
                    limit == null ? null : (int) longParam(limit, "limit", 0)));
        });
        r.post("/v1/vaults/{vaultId}/changes", ctx -> {
            Caller caller = caller(ctx);
            PushRequest req = Json.body(ctx, PushRequest.class);
            ctx.json(service.push(caller, ctx.pathParam("vaultId"), req));
        });
        r.get("/v1/usage", ctx -> ctx.json(service.usage(caller(ctx))));
        r.before("/v1/stream", ctx -> ctx.attribute(CALLER, caller(ctx)));
        r.sse("/v1/stream", client -> {
            Caller caller = client.ctx().attribute(CALLER);
            streams.serve(client, caller, service.vaults(caller).stream()
                    .map(v -> new StreamEvent(v.vaultId(), v.cursor())).toList());
        });
        r.post("/v1/internal/revocations", ctx -> {
            RevocationNotice notice = Json.body(ctx, RevocationNotice.class);
            Revocation rev = verifier.verifyRevocation(notice.token());
            revocations.deviceRevoked(rev.accountId(), rev.deviceId());
            ctx.status(204);
        });
    }

    private Caller caller(Context ctx) {
        Caller cached = ctx.attribute(CALLER);
        if (cached != null) {
            return cached;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException.Unauthorized("a bearer access token is required");
        }
        Caller caller = verifier.verify(header.substring(7).strip());
        ctx.attribute(CALLER, caller);
        return caller;
    }

    private static long longParam(String value, String name, long defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ApiException.BadRequest(name + " must be a whole number");
        }
    }

    private static int intParam(String value, String name) {
        long v = longParam(value, name, -1);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ApiException.BadRequest(name + " is out of range");
        }
        return (int) v;
    }
}
