package dev.termvault.sync.protocol.blobs;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One change in a push: the record, the revision the client based its edit on (0 for a new record), the new
 * revision (greater than the base), and either the new envelope or {@code delete = true} (no envelope).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushItem(String recordId, long baseRevision, long revision, byte[] envelope, boolean delete) {
}
