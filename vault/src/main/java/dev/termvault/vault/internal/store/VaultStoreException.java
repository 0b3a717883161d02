package dev.termvault.vault.internal.store;

/**
 * The local database could not be read or written (disk full, file locked too long, file damaged).
 * The message is safe to show; the cause is the driver's exception, for the log.
 */
public final class VaultStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VaultStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public VaultStoreException(String message) {
        super(message);
    }
}
