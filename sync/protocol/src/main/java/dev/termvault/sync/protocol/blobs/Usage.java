package dev.termvault.sync.protocol.blobs;

/** {@code GET /v1/usage}: what the caller's account stores, and its quota. */
public record Usage(long bytes, long records, long maxBytes, long maxRecords) {
}
