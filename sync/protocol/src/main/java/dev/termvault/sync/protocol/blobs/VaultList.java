package dev.termvault.sync.protocol.blobs;

import java.util.List;

/** {@code GET /v1/vaults}: the caller's vaults, and no one else's. */
public record VaultList(List<VaultInfo> vaults) {
}
