package dev.termvault.app.core.hosts;

/**
 * A record a host points at (its key, credential, group or a jump host): the id stored in the host and the name
 * that record has now, or null when no readable record has that id (deleted, or not synced yet).
 */
public record RecordRef(String id, String name) {
}
