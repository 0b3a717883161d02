package dev.termvault.app.core.keys;

import dev.termvault.app.core.HostRef;
import java.util.List;

/**
 * A key that was deleted.
 *
 * @param key      the key as it was listed
 * @param unlinked the hosts that used it and no longer refer to it
 */
public record KeyDeletion(KeyRow key, List<HostRef> unlinked) {

    public KeyDeletion {
        unlinked = List.copyOf(unlinked);
    }
}
