package dev.termvault.app.core.hosts;

import java.util.List;

/**
 * A host that was deleted, and the hosts that jumped through it: each lost that hop (and keeps the rest of its
 * chain, in order).
 *
 * @param id       the deleted host's record id
 * @param label    its label
 * @param unlinked the hosts whose jump chain it was removed from
 */
public record DeletedHost(String id, String label, List<RecordRef> unlinked) {

    public DeletedHost {
        unlinked = List.copyOf(unlinked);
    }
}
