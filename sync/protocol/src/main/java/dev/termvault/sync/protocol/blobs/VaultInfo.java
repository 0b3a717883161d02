package dev.termvault.sync.protocol.blobs;

/** A vault the caller owns: its id, its latest cursor (per-vault sequence), and creation time (epoch ms). */
public record VaultInfo(String vaultId, long cursor, long createdAt) {
}
