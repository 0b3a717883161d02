package dev.termvault.vault.internal;

import dev.termvault.vault.VaultException;
import dev.termvault.vault.internal.envelope.VaultKeyResolver;
import dev.termvault.vault.secret.SecretBytes;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The keys of an unlocked vault: K_acct (to wrap new vault keys) and every vault key by version.
 * Owns them all; {@link #destroy()} wipes them.
 */
public final class Keyring implements VaultKeyResolver, AutoCloseable {

    private final UUID vaultId;
    private SecretBytes accountKey;
    private final Map<Integer, SecretBytes> vaultKeys = new TreeMap<>();
    private int currentVersion;

    public Keyring(UUID vaultId, SecretBytes accountKey, int currentVersion) {
        this.vaultId = vaultId;
        this.accountKey = accountKey;
        this.currentVersion = currentVersion;
    }

    public UUID vaultId() {
        return vaultId;
    }

    public SecretBytes accountKey() {
        return accountKey;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public SecretBytes currentKey() {
        SecretBytes key = vaultKeys.get(currentVersion);
        if (key == null) {
            throw new VaultException.Tampered();
        }
        return key;
    }

    public void add(int version, SecretBytes key) {
        SecretBytes previous = vaultKeys.put(version, key);
        if (previous != null) {
            previous.destroy();
        }
    }

    public void makeCurrent(int version) {
        currentVersion = version;
    }

    /** Wipes and forgets every vault key except {@code keep}'s versions. */
    public void retainOnly(java.util.Set<Integer> keep) {
        vaultKeys.entrySet().removeIf(e -> {
            if (keep.contains(e.getKey())) {
                return false;
            }
            e.getValue().destroy();
            return true;
        });
    }

    public java.util.Set<Integer> versions() {
        return java.util.Set.copyOf(vaultKeys.keySet());
    }

    public void replaceAccountKey(SecretBytes newAccountKey) {
        accountKey.destroy();
        accountKey = newAccountKey;
    }

    @Override
    public Optional<SecretBytes> vaultKey(int version) {
        return Optional.ofNullable(vaultKeys.get(version));
    }

    @Override
    public void close() {
        destroy();
    }

    public void destroy() {
        accountKey.destroy();
        vaultKeys.values().forEach(SecretBytes::destroy);
        vaultKeys.clear();
    }

    @Override
    public String toString() {
        return "Keyring[vault=" + vaultId + ", versions=" + vaultKeys.keySet() + ", current=" + currentVersion + "]";
    }
}
