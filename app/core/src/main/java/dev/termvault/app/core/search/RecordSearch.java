package dev.termvault.app.core.search;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Group;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.Item;
import dev.termvault.vault.model.KnownHost;
import dev.termvault.vault.model.Snippet;
import dev.termvault.vault.model.SshKey;
import java.util.List;

/**
 * Search across every kind of record, through the vault's search: every word of the query must occur in some
 * field of a record, ignoring case. The vault's search never matches a password or a private key, and the rows
 * never show one.
 */
public final class RecordSearch {

    /** How much of a snippet's command a row shows. */
    static final int DETAIL_LENGTH = 60;

    private final Vault vault;

    public RecordSearch(Vault vault) {
        this.vault = vault;
    }

    /** The records matching {@code query}, as the vault sorts them (by name, then id). */
    public List<SearchRow> search(String query) {
        return vault.search(query == null ? "" : query).stream().map(RecordSearch::row).toList();
    }

    static SearchRow row(VaultRecord record) {
        Item item = record.item();
        return new SearchRow(item.itemType(), item.displayName(), record.id(), detail(item));
    }

    private static String detail(Item item) {
        return switch (item) {
            case Host h -> (h.username() != null ? h.username() + "@" : "") + h.hostname() + ":" + h.port();
            case SshKey k -> k.keyType() + (k.comment() == null || k.comment().isBlank() ? "" : " " + k.comment());
            case Credential c -> c.username() == null ? "" : c.username();
            case KnownHost k -> k.keyType() + (k.revoked() ? " (revoked)" : "");
            case Snippet s -> shortened(s.command().lines().findFirst().orElse(""));
            case Group g -> "group";
        };
    }

    private static String shortened(String text) {
        return text.length() <= DETAIL_LENGTH ? text : text.substring(0, DETAIL_LENGTH - 3) + "...";
    }
}
