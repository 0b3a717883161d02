package dev.termvault.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import dev.termvault.app.core.snippets.HostRun;
import dev.termvault.app.core.snippets.RunSettings;
import dev.termvault.app.core.snippets.SnippetRunResult;
import dev.termvault.app.core.snippets.Snippets;
import dev.termvault.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code termvault snippets run NAME --host A --host B}: runs a snippet on each host, connecting as
 * {@code connect} does, and prints each host's output under a header, then a summary. Exits 0 when the command
 * exited 0 on every host, else 5.
 */
@Command(name = "run", description = {"Run a snippet on one or more hosts and print each host's output.",
    "Host keys are checked as for connect. Exits 0 when it exited 0 on every host, else 5."})
final class SnippetsRunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The snippet's name (or record id).")
    private String reference;

    @Option(names = "--host", required = true, paramLabel = "LABEL", description = "A host to run on (repeat).")
    private List<String> hosts;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "How many hosts at once, 1 to " + RunSettings.MAX_PARALLELISM + " (default: one after"
                    + " another).")
    private int parallel;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--command-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long the command may run on each host (default: ${DEFAULT-VALUE}).")
    private int commandTimeoutSeconds;

    @Option(names = "--json", description = "Print the results as JSON (one object per host) instead of text.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;
    private final CliContext context;

    SnippetsRunCommand(VaultAccess access, CliContext context) {
        this.access = access;
        this.context = context;
    }

    @Override
    public Integer call() {
        RunSettings settings = new RunSettings(connection.settings(), Duration.ofSeconds(commandTimeoutSeconds),
                parallel);
        SnippetRunResult result;
        try (Vault vault = access.openUnlocked()) {
            result = new Snippets(vault).runner(reference, hosts, settings)
                    .run(new TerminalSshPrompt(context), done -> { });
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(result));
        } else {
            result.hosts().forEach(host -> print(host, out));
            out.println(summary(result));
        }
        out.flush();
        return result.allSucceeded() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static void print(HostRun host, PrintWriter out) {
        switch (host.outcome()) {
            case EXITED -> {
                out.println("== " + host.host() + ": exit " + host.exitStatus() + " ==");
                out.print(withNewline(host.stdout()));
                if (!host.stderr().isEmpty()) {
                    out.println("-- stderr --");
                    out.print(withNewline(host.stderr()));
                }
            }
            case FAILED -> out.println("== " + host.host() + ": did not run ==\n" + host.failure());
            case CANCELLED -> out.println("== " + host.host() + ": cancelled ==");
        }
    }

    private static String withNewline(String text) {
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }

    static String summary(SnippetRunResult result) {
        List<String> nonZero = result.hosts().stream()
                .filter(h -> h.outcome() == HostRun.Outcome.EXITED && !h.succeeded())
                .map(h -> h.host() + " " + h.exitStatus()).toList();
        List<String> failed = result.hosts().stream().filter(h -> h.outcome() == HostRun.Outcome.FAILED)
                .map(HostRun::host).toList();
        long ok = result.hosts().stream().filter(HostRun::succeeded).count();
        return "Ran " + result.snippet() + " on " + result.hosts().size() + " host(s): " + ok + " exited 0, "
                + nonZero.size() + " exited otherwise" + (nonZero.isEmpty() ? "" : " (" + String.join(", ", nonZero)
                + ")") + ", " + failed.size() + " did not run" + (failed.isEmpty() ? "" : " ("
                + String.join(", ", failed) + ")") + ", " + result.count(HostRun.Outcome.CANCELLED) + " cancelled.";
    }
}
