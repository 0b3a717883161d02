package dev.termvault.vault;

import dev.termvault.vault.crypto.SecretBytes;
import dev.termvault.vault.envelope.VaultKeyResolver;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The keys of an unlocked vault: K_acct (to wrap new vault keys) and every vault key by version.
 * Owns them all; {@link #destroy()} wipes them.
 */
final class Keyring implements VaultKeyResolver, AutoCloseable {

    private final UUID vaultId;
    private SecretBytes accountKey;
    private final Map<Integer, SecretBytes> vaultKeys = new TreeMap<>();
    private int currentVersion;

    Keyring(UUID vaultId, SecretBytes accountKey, int currentVersion) {
        this.vaultId = vaultId;
        this.accountKey = accountKey;
        this.currentVersion = currentVersion;
    }

    UUID vaultId() {
        return vaultId;
    }

    SecretBytes accountKey() {
        return accountKey;
    }

    int currentVersion() {
        return currentVersion;
    }

    SecretBytes currentKey() {
        SecretBytes key = vaultKeys.get(currentVersion);
        if (key == null) {
            throw new VaultException.Tampered();
        }
        return key;
    }

    void add(int version, SecretBytes key) {
        SecretBytes previous = vaultKeys.put(version, key);
        if (previous != null) {
            previous.destroy();
        }
    }

    void makeCurrent(int version) {
        currentVersion = version;
    }

    /** Wipes and forgets every vault key except {@code keep}'s versions. */
    void retainOnly(java.util.Set<Integer> keep) {
        vaultKeys.entrySet().removeIf(e -> {
            if (keep.contains(e.getKey())) {
                return false;
            }
            e.getValue().destroy();
            return true;
        });
    }

    java.util.Set<Integer> versions() {
        return java.util.Set.copyOf(vaultKeys.keySet());
    }

    void replaceAccountKey(SecretBytes newAccountKey) {
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

    void destroy() {
        accountKey.destroy();
        vaultKeys.values().forEach(SecretBytes::destroy);
        vaultKeys.clear();
    }

    @Override
    public String toString() {
        return "Keyring[vault=" + vaultId + ", versions=" + vaultKeys.keySet() + ", current=" + currentVersion + "]";
    }
}
