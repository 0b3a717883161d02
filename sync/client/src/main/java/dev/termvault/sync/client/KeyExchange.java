package dev.termvault.sync.client;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultSync;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries vault-key versions between this device and the server (docs/security/sync-integrity.md,
 * "Vault-key rotation across devices"). Network first, then the vault: the server's answer is read before
 * any vault method is called with it, and no vault lock is held while a request is on the wire.
 */
final class KeyExchange {

    private static final Logger LOG = LoggerFactory.getLogger(KeyExchange.class);

    private final Vault vault;
    private final AccountSession session;
    /** Key versions the server is known to hold; null until first asked. */
    private Set<Integer> serverVersions;

    KeyExchange(Vault vault, AccountSession session) {
        this.vault = vault;
        this.session = session;
    }

    /** Whether the vault holds the vault key that each envelope (nulls are tombstones) names. */
    boolean holdsKeysFor(Collection<byte[]> envelopes) {
        VaultSync sync = vault.sync();
        return envelopes.stream().filter(Objects::nonNull).allMatch(sync::holdsKeyFor);
    }

    /**
     * Makes sure the vault holds the key each envelope names: when one is missing (another device rotated
     * the vault key), fetches the server's wrapped keys and adds the versions not held, each of which must
     * open under this account's key.
     */
    void fetchKeysFor(Collection<byte[]> envelopes) {
        if (holdsKeysFor(envelopes)) {
            return;
        }
        UUID vaultId = vault.vaultId();
        Map<Integer, byte[]> served = session.wrappedKeys(vaultId);
        try {
            vault.account().addWrappedVaultKeys(served);
        } catch (VaultException.Tampered e) {
            throw new SyncException.ServerMisbehaved("a wrapped vault key from the server does not open under "
                    + "this account's key (swapped or foreign)");
        }
        serverVersions = new HashSet<>(served.keySet());
    }

    /**
     * Uploads every wrapped vault key this device holds and the server does not (a vault-key rotation
     * here), before any envelope sealed under it is pushed: other devices fetch it from there.
     */
    void shareNewKeys() {
        Map<Integer, byte[]> local = vault.account().wrappedVaultKeys();
        if (serverVersions != null && serverVersions.containsAll(local.keySet())) {
            return;
        }
        UUID vaultId = vault.vaultId();
        if (serverVersions == null) {
            serverVersions = new HashSet<>(session.wrappedKeys(vaultId).keySet());
        }
        for (Map.Entry<Integer, byte[]> key : local.entrySet()) {
            if (!serverVersions.contains(key.getKey())) {
                session.putWrappedKey(vaultId, key.getKey(), key.getValue());
                serverVersions.add(key.getKey());
                LOG.info("Uploaded vault key version {}", key.getKey());
            }
        }
    }

    @Override
    public String toString() {
        return "KeyExchange[" + session + "]";
    }
}
