package dev.termvault.vault.model;

import java.util.Objects;

/**
 * A folder of hosts.
 *
 * @param name     the group's name
 * @param parentId record id of the parent group, or null at the top
 */
public record Group(String name, String parentId) implements Item {

    public Group {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public ItemType itemType() {
        return ItemType.GROUP;
    }

    @Override
    public String displayName() {
        return name;
    }
}
