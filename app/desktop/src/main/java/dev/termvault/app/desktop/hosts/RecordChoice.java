package dev.termvault.app.desktop.hosts;

import java.util.Objects;

/**
 * A vault record offered in a choice box (a key, a credential, a host): its id and the name shown.
 *
 * @param id   the record id
 * @param name what the person sees
 */
public record RecordChoice(String id, String name) {

    public RecordChoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return name;
    }
}
