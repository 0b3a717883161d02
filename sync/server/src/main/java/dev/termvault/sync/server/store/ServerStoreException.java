package dev.termvault.sync.server.store;

/**
 * A store failure (database down, a constraint the code did not expect). Its message is safe to log; it is
 * answered as {@code internal} (500) or {@code unavailable} (503) and never shown with its cause to a client.
 */
public final class ServerStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServerStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public ServerStoreException(String message) {
        super(message);
    }
}
