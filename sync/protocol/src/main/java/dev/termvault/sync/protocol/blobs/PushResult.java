package dev.termvault.sync.protocol.blobs;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of one pushed item. {@code status} is {@link #APPLIED} (then {@code revision} and {@code seq}
 * are the stored ones) or {@link #CONFLICT} (the base was stale: {@code current} is the record as stored now,
 * envelope included, for the client to merge).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushResult(String recordId, String status, Long seq, Change current) {
    public static final String APPLIED = "applied";
    public static final String CONFLICT = "conflict";

    public static PushResult applied(String recordId, long seq) {
        return new PushResult(recordId, APPLIED, seq, null);
    }

    public static PushResult conflict(String recordId, Change current) {
        return new PushResult(recordId, CONFLICT, null, current);
    }
}
