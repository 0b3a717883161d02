package dev.termvault.sync.server;

/**
 * Makes one role. Implementations are listed in
 * {@code META-INF/services/dev.termvault.sync.server.RoleFactory} (one line per role), so the launcher finds
 * every role on the class path without naming them.
 */
public interface RoleFactory {

    /** The role's name: "keys" or "blobs". */
    String name();

    /** Makes the role; its store is already open and migrated. */
    Role create(RoleContext context) throws Exception;
}
