package dev.termvault.sync.protocol.blobs;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The current state of one record as the blob service holds it: its revision, the sequence number (cursor)
 * at which it last changed, and either the opaque envelope or, when {@code deleted}, no envelope (a tombstone).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Change(String recordId, long revision, long seq, byte[] envelope, boolean deleted) {
}
