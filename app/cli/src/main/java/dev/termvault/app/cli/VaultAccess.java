package dev.termvault.app.cli;

import dev.termvault.vault.FileModeRepair;
import dev.termvault.vault.Vault;
import java.nio.CharBuffer;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The shared steps of commands that use the vault: which folder, reading the master password (terminal or
 * {@code --password-env}, never an argument), and opening and unlocking the vault. Commands take it in their
 * constructor; {@link CommandFactory} hands in the one instance of the run.
 */
public final class VaultAccess {

    private final CliContext context;
    private final GlobalOptions options;

    VaultAccess(CliContext context, GlobalOptions options) {
        this.context = context;
        this.options = options;
    }

    /** Where notices for the person go (the error stream, so that command output stays clean). */
    java.io.PrintWriter notices() {
        return context.err();
    }

    /** The vault folder: {@code --vault DIR}, or the platform default. */
    public Path vaultDirectory() {
        Path given = options.vaultDirectory();
        return (given != null ? given : context.defaultVaultDirectory()).toAbsolutePath();
    }

    /**
     * Opens the vault folder and unlocks it with the master password. The caller closes the vault.
     *
     * @throws CliException (exit 4) when the folder holds no vault
     * @throws dev.termvault.vault.VaultException.WrongPassword and the rest of the family, mapped to exit codes
     *         by {@link FailureHandler}
     */
    public Vault openUnlocked() {
        Vault vault = openLocked();
        char[] password = null;
        try {
            password = password("Master password: ");
            vault.unlock(password);
            return vault;
        } catch (RuntimeException e) {
            vault.close();
            throw e;
        } finally {
            wipe(password);
        }
    }

    /** Opens the vault folder without unlocking it. The caller closes the vault. */
    public Vault openLocked() {
        Path dir = vaultDirectory();
        if (!Vault.exists(dir)) {
            throw CliException.notFound("There is no vault in " + dir + ". Create one with: termvault init"
                    + (options.vaultDirectory() != null ? " --vault " + dir : ""));
        }
        Vault vault = Vault.open(dir);
        if (!vault.fileModeRepairs().isEmpty()) {
            notices().println("Warning: other users could read the vault's files; they are now private to you ("
                    + vault.fileModeRepairs().stream().map(FileModeRepair::message)
                            .collect(java.util.stream.Collectors.joining("; ")) + ").");
        }
        return vault;
    }

    /** The master password, from the variable named by {@code --password-env} or asked on the terminal. */
    public char[] password(String prompt) {
        String env = options.passwordEnv();
        return env != null ? fromEnvironment(env, "--password-env") : context.passwordReader().readPassword(prompt);
    }

    /**
     * A new master password: from the variable {@code envName} when given, else asked twice on the terminal.
     * Refuses an empty password and two entries that differ.
     *
     * @param envName    a variable name, or null to ask
     * @param optionName the option {@code envName} came from, for messages
     */
    public char[] newPassword(String envName, String optionName) {
        char[] password;
        if (envName != null) {
            password = fromEnvironment(envName, optionName);
        } else {
            password = context.passwordReader().readPassword("New master password: ");
            char[] again = context.passwordReader().readPassword("Repeat the new master password: ");
            boolean same = Arrays.equals(password, again);
            Arrays.fill(again, '\0');
            if (!same) {
                Arrays.fill(password, '\0');
                throw CliException.usage("The two passwords do not match. Nothing was changed.");
            }
        }
        if (password.length == 0) {
            throw CliException.usage("The master password must not be empty.");
        }
        return password;
    }

    private char[] fromEnvironment(String name, String optionName) {
        String value = context.environment().get(name);
        if (value == null) {
            throw CliException.usage("The environment variable " + name + " (named by " + optionName
                    + ") is not set.");
        }
        CharBuffer buffer = CharBuffer.wrap(value);
        char[] password = new char[buffer.remaining()];
        buffer.get(password);
        return password;
    }

    /** Wipes a password read through this class. */
    public static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
