package dev.termvault.app.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;

/** Asks a yes/no question on the terminal; without a terminal the answer is no, the safe one. */
final class TerminalConfirmation {

    private TerminalConfirmation() {
    }

    /**
     * @param accepted the answers that mean yes ("yes", "y", "replace"), compared ignoring case
     * @return whether the person typed one of them
     */
    static boolean ask(PrintWriter err, String question, String... accepted) {
        Console console = System.console();
        if (console == null) {
            err.println(question.strip());
            err.println("No terminal to answer on: refused.");
            err.flush();
            return false;
        }
        err.flush();
        String answer = console.readLine("%s", question);
        String typed = answer == null ? null : answer.strip().toLowerCase(Locale.ROOT);
        return typed != null && Arrays.asList(accepted).contains(typed);
    }
}
