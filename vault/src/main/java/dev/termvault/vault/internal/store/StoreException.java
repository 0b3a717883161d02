package dev.termvault.vault.internal.store;

/**
 * The local database could not be read or written (disk full, file locked too long, file damaged).
 * The message is safe to show; the cause is the driver's exception, for the log.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
