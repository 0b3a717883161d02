package dev.termvault.vault.model;

import java.util.List;
import java.util.Objects;

/**
 * A saved command that can be run on a host.
 *
 * @param name    the name a person picks the snippet by
 * @param command the command text
 * @param tags    free tags
 */
public record Snippet(String name, String command, List<String> tags) implements Item {

    public Snippet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    @Override
    public ItemType itemType() {
        return ItemType.SNIPPET;
    }

    @Override
    public String displayName() {
        return name;
    }
}
