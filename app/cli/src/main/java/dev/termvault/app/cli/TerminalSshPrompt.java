package dev.termvault.app.cli;

import dev.termvault.app.ssh.SshPrompt;
import java.io.Console;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers the SSH engine's questions on the terminal, before the session switches it to raw mode. Without
 * a terminal every host-key question is answered no, the safe answer.
 */
final class TerminalSshPrompt implements SshPrompt {

    private final CliContext context;

    TerminalSshPrompt(CliContext context) {
        this.context = context;
    }

    @Override
    public boolean acceptNewHostKey(HostKeyQuestion question) {
        return askYes(question.firstUseQuestion() + " (yes/no) ", "yes");
    }

    @Override
    public boolean acceptChangedHostKey(HostKeyQuestion question) {
        PrintWriter err = context.err();
        err.println("@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@");
        err.println(question.changedWarning());
        err.println("@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@");
        return askYes("Type \"replace\" to replace the recorded key, anything else to refuse: ", "replace");
    }

    @Override
    public Optional<char[]> password(String user, String host) {
        try {
            return Optional.of(context.passwordReader().readPassword(user + "@" + host + "'s password: "));
        } catch (CliException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<List<String>> keyboardInteractive(String host, String name, String instruction,
                                                      List<KeyboardPrompt> prompts) {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        if (instruction != null && !instruction.isBlank()) {
            context.err().println(instruction);
            context.err().flush();
        }
        List<String> answers = new ArrayList<>();
        for (KeyboardPrompt prompt : prompts) {
            String answer;
            if (prompt.echo()) {
                answer = console.readLine("%s", prompt.text());
            } else {
                char[] secret = console.readPassword("%s", prompt.text());
                answer = secret == null ? null : new String(secret);
                if (secret != null) {
                    java.util.Arrays.fill(secret, '\0');
                }
            }
            if (answer == null) {
                return Optional.empty();
            }
            answers.add(answer);
        }
        return Optional.of(answers);
    }

    @Override
    public void banner(String host, String message) {
        context.err().print(message);
        context.err().flush();
    }

    private boolean askYes(String question, String expected) {
        return TerminalConfirmation.ask(context.err(), question, expected);
    }
}
