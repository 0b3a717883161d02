package dev.termvault.vault.model;

import java.util.Objects;

/**
 * A username and password.
 *
 * @param name     the name a person picks the credential by
 * @param username login name
 * @param password the password
 */
public record Credential(String name, String username, String password) implements Item {

    public Credential {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public ItemType itemType() {
        return ItemType.CREDENTIAL;
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public String toString() {
        return "Credential[name=" + name + ", username=" + username + "]";
    }
}
