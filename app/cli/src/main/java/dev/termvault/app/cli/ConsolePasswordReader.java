package dev.termvault.app.cli;

import java.io.Console;

/** Reads passwords from the terminal with {@link Console#readPassword}, without echo. */
final class ConsolePasswordReader implements PasswordReader {

    @Override
    public char[] readPassword(String prompt) {
        Console console = System.console();
        if (console == null) {
            throw CliException.usage("There is no terminal to ask for the master password on."
                    + " For scripts, put it in an environment variable and name it with --password-env NAME.");
        }
        char[] password = console.readPassword("%s", prompt);
        if (password == null) {
            throw CliException.usage("No password was entered (the input ended).");
        }
        return password;
    }
}
