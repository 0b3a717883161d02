package dev.termvault.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.termvault.vault.VaultSync;
import dev.termvault.vault.model.Item;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Three-way merge of one record, field by field (the top-level fields of its payload JSON), against the
 * base (the last version both sides agreed on). A field changed on one side only takes that side's value;
 * a field changed on both sides to different values is a conflict: the local value wins (the local edit is
 * the later one to reach the server) and the remote version is kept whole as a conflict copy.
 */
final class FieldMerge {

    static final String CONFLICT_SUFFIX = " (conflict copy)";

    /** The merged item, and the remote version to keep as a conflict copy (null when none is needed). */
    record Result(Item merged, Item conflictCopy) {
    }

    private FieldMerge() {
    }

    /** @param base the base version, or null when there is none (both sides created or restored it) */
    static Result merge(Item base, Item local, Item remote) {
        ObjectNode b = base == null ? null : tree(base);
        ObjectNode l = tree(local);
        ObjectNode r = tree(remote);
        if (l.equals(r)) {
            return new Result(local, null);
        }
        if (!l.path("type").equals(r.path("type"))) {
            return new Result(local, conflictCopy(remote));
        }
        ObjectNode merged = l.deepCopy();
        boolean conflict = false;
        Set<String> fields = new LinkedHashSet<>();
        l.fieldNames().forEachRemaining(fields::add);
        r.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            JsonNode lv = l.get(field);
            JsonNode rv = r.get(field);
            JsonNode bv = b == null ? null : b.get(field);
            if (same(lv, rv) || same(rv, bv)) {
                continue;
            }
            if (same(lv, bv)) {
                if (rv == null) {
                    merged.remove(field);
                } else {
                    merged.set(field, rv);
                }
            } else {
                conflict = true;
            }
        }
        return new Result(item(merged), conflict ? conflictCopy(remote) : null);
    }

    /** A copy of {@code item} named as a conflict copy (its label or name gets a suffix). */
    static Item conflictCopy(Item item) {
        ObjectNode copy = tree(item);
        for (String field : new String[] {"label", "name"}) {
            if (copy.get(field) instanceof TextNode text) {
                copy.set(field, TextNode.valueOf(text.asText() + CONFLICT_SUFFIX));
                break;
            }
        }
        return item(copy);
    }

    private static boolean same(JsonNode a, JsonNode b) {
        boolean aMissing = a == null || a.isNull();
        boolean bMissing = b == null || b.isNull();
        if (aMissing || bMissing) {
            return aMissing && bMissing;
        }
        return a.equals(b);
    }

    private static ObjectNode tree(Item item) {
        try {
            return (ObjectNode) Http.JSON.readTree(VaultSync.toJson(item));
        } catch (IOException e) {
            throw new IllegalStateException("a record could not be read for merging", e);
        }
    }

    private static Item item(ObjectNode node) {
        try {
            return VaultSync.fromJson(Http.JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException("a merged record could not be built", e);
        }
    }
}
