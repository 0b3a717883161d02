package dev.termvault.app.cli;

/** The exit codes of every {@code termvault} command. Scripts may rely on them. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command line was wrong (unknown option, missing argument, no terminal and no --password-env). */
    public static final int USAGE = 1;
    /** The master password is wrong (logging in to an account: the email, password or Secret Key). */
    public static final int WRONG_PASSWORD = 2;
    /** Stored data was tampered with or cannot be read (corrupt, unknown format version, weak KDF parameters). */
    public static final int UNREADABLE = 3;
    /** What was named does not exist (no vault, no such host), or already exists. */
    public static final int NOT_FOUND = 4;
    /** Anything else; the message says what happened. */
    public static final int FAILURE = 5;
    /**
     * {@code connect} only: Termvault itself failed (any of the codes above), as ssh does, so that it does not
     * collide with the remote command's exit status, which {@code connect} passes through.
     */
    public static final int CONNECT_FAILED = 255;

    private ExitCodes() {
    }
}
