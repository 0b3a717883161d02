package dev.termvault.sync.protocol.blobs;

import java.util.List;

/** {@code GET /v1/vaults/{id}/keys}: every stored key version, oldest first. */
public record VaultKeyList(List<WrappedVaultKey> keys) {
}
