package dev.termvault.app.ssh;

import java.util.List;

import dev.termvault.vault.model.KnownHost;

/**
 * The host keys a person has accepted or revoked (the vault's KnownHost records). The engine reads them to
 * check a host and writes to them only when the person accepts a key.
 */
public interface KnownHostStore {

    /** Every record, revoked ones included. */
    List<KnownHost> list();

    /** Records a newly accepted key. */
    void add(KnownHost accepted);

    /** Replaces a record whose key changed with the key the person accepted instead. */
    void replace(KnownHost previous, KnownHost accepted);

    /** The records whose host pattern matches this host and port (plain, wildcard or hashed {@code |1|}). */
    default List<KnownHost> find(String hostname, int port) {
        return list().stream().filter(k -> KnownHostPatterns.matches(k, hostname, port)).toList();
    }
}
