package dev.termvault.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HelpOptionsTest {

    @TempDir
    Path home;

    @Test
    void everyCommand_helpAndH_printItsUsageAndExitZero() {
        List<List<String>> paths = commandPaths();
        assertThat(paths).hasSizeGreaterThan(20);

        for (List<String> path : paths) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                CliRun.Result result = new CliRun(home).run(args.toArray(String[]::new));

                String name = String.join(" ", path);
                assertThat(result.exitCode()).as(name + " " + flag).isZero();
                assertThat(result.out()).as(name + " " + flag)
                        .startsWith(("Usage: termvault " + name).trim())
                        .contains("-h, --help");
                assertThat(result.err()).as(name + " " + flag).isEmpty();
            }
        }
    }

    @Test
    void topLevelHelp_mentionsTheServerAndTheExitCodes() {
        CliRun.Result result = new CliRun(home).run("--help");

        assertThat(result.out()).contains("./termvault server").contains("Exit codes:").contains("-V, --version");
    }

    @Test
    void descriptionsAndFooters_haveNoLineBrokenMidSentence() {
        for (CommandLine command : allCommands(commandLine())) {
            List<String> lines = new ArrayList<>(List.of(command.getCommandSpec().usageMessage().description()));
            lines.addAll(List.of(command.getCommandSpec().usageMessage().footer()));
            for (String line : lines) {
                assertThat(line.isEmpty() || line.matches("(?s).*[.:)]$"))
                        .as(command.getCommandSpec().qualifiedName() + ": \"" + line + "\" ends mid-sentence")
                        .isTrue();
            }
        }
    }

    private CommandLine commandLine() {
        PasswordReader noTerminal = prompt -> {
            throw CliException.usage("no terminal");
        };
        CliContext context = new CliContext(Map.of(), noTerminal, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), home);
        return Cli.commandLine(context);
    }

    /** The names to type for each command, from the root ({@code []}) down to every leaf. */
    private List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        for (CommandLine command : allCommands(commandLine())) {
            List<String> path = new ArrayList<>();
            for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
                path.addFirst(c.getCommandName());
            }
            paths.add(path);
        }
        return paths;
    }

    private static List<CommandLine> allCommands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        all.add(root);
        for (CommandLine sub : root.getSubcommands().values()) {
            if (sub.getParent() == root && !all.contains(sub)) {
                all.addAll(allCommands(sub));
            }
        }
        return all;
    }
}
