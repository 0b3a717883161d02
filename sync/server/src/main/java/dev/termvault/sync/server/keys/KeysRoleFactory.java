package dev.termvault.sync.server.keys;

import dev.termvault.sync.server.Role;
import dev.termvault.sync.server.RoleContext;
import dev.termvault.sync.server.RoleFactory;

/** Makes the key service role ("keys"). */
public final class KeysRoleFactory implements RoleFactory {
    public static final String NAME = "keys";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Role create(RoleContext context) throws Exception {
        return new KeysRole(context);
    }
}
