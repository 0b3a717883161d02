package dev.termvault.sync.server.blobs;

import dev.termvault.sync.server.Role;
import dev.termvault.sync.server.RoleContext;
import dev.termvault.sync.server.RoleFactory;

/** Makes the blob service role ("blobs"). */
public final class BlobsRoleFactory implements RoleFactory {
    public static final String NAME = "blobs";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Role create(RoleContext context) {
        return new BlobsRole(context);
    }
}
