package dev.termvault.vault.internal.store;

/** The database file was written by a newer Termvault whose schema this version does not know. */
public final class UnsupportedSchemaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int found;
    private final int supported;

    public UnsupportedSchemaException(int found, int supported) {
        super("This vault was written by a newer Termvault (storage format " + found
                + "; this version reads up to " + supported + ")");
        this.found = found;
        this.supported = supported;
    }

    public int found() {
        return found;
    }

    public int supported() {
        return supported;
    }
}
