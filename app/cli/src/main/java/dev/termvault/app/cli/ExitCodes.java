package dev.termvault.app.cli;

/** The exit codes of every {@code termvault} command. Scripts may rely on them. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command line was wrong (unknown option, missing argument, no terminal and no --password-env). */
    public static final int USAGE = 1;
    /** The master password is wrong. */
    public static final int WRONG_PASSWORD = 2;
    /** Stored data was tampered with or cannot be read (corrupt, unknown format version, weak KDF parameters). */
    public static final int UNREADABLE = 3;
    /** What was named does not exist (no vault, no such host), or already exists. */
    public static final int NOT_FOUND = 4;
    /** Anything else; the message says what happened. */
    public static final int FAILURE = 5;

    private ExitCodes() {
    }
}
