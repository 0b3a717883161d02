package dev.termvault.app.core.snippets;

import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Snippet;
import java.util.List;

/**
 * One snippet as both front ends list it.
 *
 * @param id      the record id
 * @param name    the snippet's name
 * @param command the command text, one or more lines
 * @param tags    its tags
 */
public record SnippetRow(String id, String name, String command, List<String> tags) {

    public SnippetRow {
        tags = List.copyOf(tags);
    }

    static SnippetRow of(VaultRecord record) {
        Snippet snippet = (Snippet) record.item();
        return new SnippetRow(record.id(), snippet.name(), snippet.command(), snippet.tags());
    }
}
