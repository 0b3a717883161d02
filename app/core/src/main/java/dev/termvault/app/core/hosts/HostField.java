package dev.termvault.app.core.hosts;

/**
 * The fields of a {@link HostDraft}, as they name the messages of a {@link dev.termvault.app.core.CoreException.Invalid}
 * ({@link #key()} is the map key, the draft's component name).
 */
public enum HostField {
    LABEL("label"),
    HOSTNAME("hostname"),
    PORT("port"),
    USER("user"),
    AUTH("auth"),
    KEY("key"),
    CREDENTIAL("credential"),
    JUMP_HOSTS("jumpHosts"),
    FORWARDS("forwards"),
    TAGS("tags"),
    GROUP("group"),
    NOTES("notes");

    private final String key;

    HostField(String key) {
        this.key = key;
    }

    /** The key of this field's message in {@link dev.termvault.app.core.CoreException.Invalid#fieldErrors()}. */
    public String key() {
        return key;
    }
}
