package dev.termvault.sync.protocol.blobs;

import java.util.List;

/** The answer to a push: one result per item, in request order, and the vault's cursor after the push. */
public record PushResponse(List<PushResult> results, long cursor) {
}
