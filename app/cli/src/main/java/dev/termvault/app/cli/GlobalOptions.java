package dev.termvault.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts, before or after its name ({@code termvault --vault D hosts list} or
 * {@code termvault hosts list --vault D}). One instance per run, shared by every command through
 * {@link CommandFactory}.
 */
public final class GlobalOptions {

    @Option(names = "--vault", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The vault folder (default: the platform's user data folder, e.g. ~/.local/share/termvault).")
    private Path vaultDirectory;

    @Option(names = "--password-env", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Read the master password from the environment variable NAME instead of the terminal"
                    + " (for scripts). The password is never accepted as an argument.")
    private String passwordEnv;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print the full details (stack trace) of a failure, and the log's details.")
    private boolean debug;

    /** The folder given with --vault, or null for the default. */
    public Path vaultDirectory() {
        return vaultDirectory;
    }

    /** The name of the environment variable holding the master password, or null to ask on the terminal. */
    public String passwordEnv() {
        return passwordEnv;
    }

    public boolean debug() {
        return debug;
    }
}
