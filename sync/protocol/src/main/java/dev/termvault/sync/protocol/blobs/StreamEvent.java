package dev.termvault.sync.protocol.blobs;

/**
 * One Server-Sent Event on {@code GET /v1/stream} (event name {@code vault}): a vault of the caller changed
 * and its cursor is now {@code cursor}. Nothing else is ever sent on the stream.
 */
public record StreamEvent(String vaultId, long cursor) {
}
