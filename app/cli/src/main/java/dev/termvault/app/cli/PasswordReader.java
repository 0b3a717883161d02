package dev.termvault.app.cli;

/** Asks a person for a password without echoing it. Tests use a fake that answers from a list. */
@FunctionalInterface
public interface PasswordReader {

    /**
     * Shows {@code prompt} and reads a password.
     *
     * @return the password; the caller wipes it after use
     * @throws CliException when there is no terminal to ask on, or the input ended
     */
    char[] readPassword(String prompt);
}
