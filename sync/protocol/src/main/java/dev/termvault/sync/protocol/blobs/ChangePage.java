package dev.termvault.sync.protocol.blobs;

import java.util.List;

/**
 * {@code GET /v1/vaults/{id}/changes?after=C&limit=N}: records changed after cursor {@code C}, in sequence
 * order. {@code cursor} is the value to pass as {@code after} next time; {@code hasMore} says another page is
 * waiting now.
 */
public record ChangePage(List<Change> changes, long cursor, boolean hasMore) {
}
