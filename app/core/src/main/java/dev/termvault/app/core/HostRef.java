package dev.termvault.app.core;

/**
 * A host named in a result: which hosts use a key, which ones a snippet ran on.
 *
 * @param id    the host's record id
 * @param label the host's label
 */
public record HostRef(String id, String label) {
}
