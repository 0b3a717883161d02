package dev.termvault.app.core.imports;

import java.util.ArrayList;
import java.util.List;

import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.KnownHost;
import dev.termvault.vault.model.SshKey;

/**
 * Writes imported records while keeping what is already in the vault: a host whose label is there and a key whose
 * public key is there are left as they are (and their records used for links); a new key whose name is taken gets a
 * number; a known host key that is there is not added twice. Each record is written in its own transaction, the
 * known host keys of one import in one.
 */
final class KeepingWriter {

    /**
     * What became of one record.
     *
     * @param id    the record id written, or of the record kept
     * @param added true when a new record was written, false when an existing one was kept
     * @param name  the name it was written under (a key's may be numbered), or null
     */
    record Written(String id, boolean added, String name) {
    }

    private final Vault vault;
    private final VaultContents contents;

    KeepingWriter(Vault vault) {
        this.vault = vault;
        this.contents = VaultContents.of(vault);
    }

    Written host(Host host) {
        String existing = contents.hostId(host.label());
        if (existing != null) {
            return new Written(existing, false, host.label());
        }
        String id = vault.add(host).id();
        contents.addHost(host.label(), id);
        return new Written(id, true, host.label());
    }

    Written key(SshKey key) {
        String existing = contents.keyId(key.publicKey());
        if (existing != null) {
            return new Written(existing, false, key.name());
        }
        String name = contents.freeKeyName(key.name());
        SshKey named = new SshKey(name, key.privateKey(), key.publicKey(), key.comment(), key.keyType());
        String id = vault.add(named).id();
        contents.addKey(named, id);
        return new Written(id, true, name);
    }

    /** The record id of a key already in the vault with this public key line, or null. */
    String keyId(String publicKeyLine) {
        return contents.keyId(publicKeyLine);
    }

    String hostId(String label) {
        return contents.hostId(label);
    }

    /**
     * Writes the known host keys not in the vault yet, in one transaction.
     *
     * @return for each of {@code knownHosts}, whether it was added
     */
    List<Boolean> knownHosts(List<KnownHost> knownHosts) {
        List<Boolean> added = new ArrayList<>();
        List<KnownHost> fresh = new ArrayList<>();
        for (KnownHost knownHost : knownHosts) {
            boolean isNew = !contents.hasKnownHost(knownHost);
            added.add(isNew);
            if (isNew) {
                fresh.add(knownHost);
            }
        }
        vault.addAll(fresh);
        fresh.forEach(contents::addKnownHost);
        return added;
    }
}
