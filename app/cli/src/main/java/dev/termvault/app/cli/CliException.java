package dev.termvault.app.cli;

/**
 * A failure of a command, with a message safe and meant to show a person, and the exit code to end with.
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The command line cannot be acted on (exit 1). */
    public static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    /** The master password (or, logging in to an account, the email or Secret Key) is wrong (exit 2). */
    public static CliException wrongPassword(String message) {
        return new CliException(ExitCodes.WRONG_PASSWORD, message);
    }

    /** What was named does not exist, or already exists (exit 4). */
    public static CliException notFound(String message) {
        return new CliException(ExitCodes.NOT_FOUND, message);
    }

    /** Stored data was damaged or tampered with (exit 3). */
    public static CliException unreadable(String message) {
        return new CliException(ExitCodes.UNREADABLE, message);
    }

    /** Any other failure (exit 5). */
    public static CliException failed(String message) {
        return new CliException(ExitCodes.FAILURE, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
