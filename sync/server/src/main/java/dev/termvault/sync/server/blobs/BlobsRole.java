package dev.termvault.sync.server.blobs;

import dev.termvault.sync.server.Role;
import dev.termvault.sync.server.RoleContext;
import io.javalin.config.RoutesConfig;

/** The blob service: stores only opaque vault data for accounts whose tokens the key service signed. */
public final class BlobsRole implements Role {
    private final RoleContext context;

    BlobsRole(RoleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return BlobsRoleFactory.NAME;
    }

    @Override
    public void routes(RoutesConfig routes) {
        // endpoints are added by BlobRoutes
    }

    @Override
    public boolean healthy() {
        return context.database().ping();
    }
}
