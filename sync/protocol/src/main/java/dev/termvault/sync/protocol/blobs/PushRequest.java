package dev.termvault.sync.protocol.blobs;

import java.util.List;

/** {@code POST /v1/vaults/{id}/changes}: a batch of changes, applied item by item (see {@link PushResult}). */
public record PushRequest(List<PushItem> changes) {
}
