package dev.termvault.sync.protocol.blobs;

/** {@code POST /v1/vaults}: the client chooses the vault id (it is bound into every envelope header). */
public record CreateVaultRequest(String vaultId) {
}
