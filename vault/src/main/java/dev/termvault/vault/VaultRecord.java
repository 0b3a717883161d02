package dev.termvault.vault;

import dev.termvault.vault.model.Item;
import java.util.Objects;

/**
 * One decrypted record as the vault holds it in memory while unlocked.
 *
 * @param id       the record id (a UUID in its usual text form); stable across revisions
 * @param revision the revision, 1 for the first write, one more for every later write or delete
 * @param item     the content
 */
public record VaultRecord(String id, long revision, Item item) {

    public VaultRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(item, "item");
    }

    @Override
    public String toString() {
        return "VaultRecord[" + id + ", revision=" + revision + ", " + item.itemType() + "]";
    }
}
