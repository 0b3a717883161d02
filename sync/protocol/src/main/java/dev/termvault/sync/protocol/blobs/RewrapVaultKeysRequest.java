package dev.termvault.sync.protocol.blobs;

import java.util.List;

/**
 * {@code POST /v1/vaults/{id}/keys/rewrap}: every stored key version of a vault, re-wrapped by the owner
 * under a new account key (after a master-password change) at account-key epoch {@code epoch}. The blob
 * service replaces all of them in one transaction, only if they cover exactly the stored versions, each
 * names {@code epoch} (see {@link KeyEpoch}), and every stored one names an older epoch. Answer: the
 * stored {@link VaultKeyList}.
 */
public record RewrapVaultKeysRequest(int epoch, List<WrappedVaultKey> keys) {
}
