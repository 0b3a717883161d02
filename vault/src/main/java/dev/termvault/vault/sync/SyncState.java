package dev.termvault.vault.sync;

import java.util.OptionalLong;
import java.util.UUID;

/**
 * Where one record stands for sync: the revision of its base (the last version agreed with the server) and
 * the revision stored locally (tombstones included); each empty when there is none.
 */
public record SyncState(UUID recordId, OptionalLong baseRevision, OptionalLong localRevision) {
}
