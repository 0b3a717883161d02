package dev.termvault.vault.sync;

import java.util.UUID;

/** Where a record stands on this device: its revision, and whether that revision is a tombstone. */
public record LocalVersion(UUID recordId, long revision, boolean deleted) {
}
