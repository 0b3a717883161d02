package dev.termvault.vault.internal.store;

import java.util.UUID;

/**
 * A vault-key rotation in progress.
 *
 * @param vaultId     the vault
 * @param fromVersion the key version being retired
 * @param toVersion   the new key version; already the vault's current version
 */
public record RotationRow(UUID vaultId, int fromVersion, int toVersion) {
}
