package dev.termvault.app.ssh.openssh;

import dev.termvault.vault.model.Item;

/**
 * Where imported records go: a vault, or a list in a test or a dry run.
 *
 * @param <E> what writing a record may throw
 */
@FunctionalInterface
public interface RecordSink<E extends Exception> {

    /** Stores {@code item} as a new record and returns its record id. */
    String put(Item item) throws E;
}
