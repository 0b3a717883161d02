package dev.termvault.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code termvault} commands in-process with captured output, a given environment and a fake password
 * reader that answers from a queue (and fails the command when the queue is empty, as a closed terminal would).
 */
final class CliRun {

    final Map<String, String> environment = new HashMap<>();
    final Deque<String> typedPasswords = new ArrayDeque<>();
    final List<String> prompts = new java.util.ArrayList<>();
    private final Path defaultVaultDirectory;

    CliRun(Path defaultVaultDirectory) {
        this.defaultVaultDirectory = defaultVaultDirectory;
    }

    /** Queues passwords the fake terminal will answer with, in order. */
    CliRun typing(String... passwords) {
        typedPasswords.addAll(List.of(passwords));
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PasswordReader reader = prompt -> {
            prompts.add(prompt);
            String next = typedPasswords.poll();
            if (next == null) {
                throw CliException.usage("No password was entered (the input ended).");
            }
            return next.toCharArray();
        };
        CliContext context = new CliContext(environment, reader, new PrintWriter(out, true),
                new PrintWriter(err, true), defaultVaultDirectory);
        int exitCode = Cli.run(args, context);
        return new Result(exitCode, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {
    }
}
