package dev.termvault.vault.sync;

import java.util.UUID;

/**
 * Where a record stands on this device: its revision, whether that revision is a tombstone, and the
 * vault-key version its envelope is sealed under (0 for a tombstone).
 */
public record LocalVersion(UUID recordId, long revision, boolean deleted, int keyVersion) {
}
