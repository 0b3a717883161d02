package dev.termvault.vault.internal.envelope;

import dev.termvault.vault.secret.SecretBytes;
import java.util.Optional;

/**
 * Supplies the vault key of a given version, when this device holds it. The returned key stays owned
 * by the resolver: {@link Envelopes} never destroys it.
 */
@FunctionalInterface
public interface VaultKeyResolver {

    /** The vault key with this version, or empty when unknown. */
    Optional<SecretBytes> vaultKey(int version);

    /** A resolver that knows exactly one version. */
    static VaultKeyResolver single(int version, SecretBytes vaultKey) {
        return v -> v == version ? Optional.of(vaultKey) : Optional.empty();
    }
}
