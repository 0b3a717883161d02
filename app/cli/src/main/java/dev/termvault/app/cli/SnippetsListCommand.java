package dev.termvault.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.termvault.app.core.snippets.SnippetRow;
import dev.termvault.app.core.snippets.Snippets;
import dev.termvault.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code termvault snippets list}: every snippet with the first line of its command and its tags. */
@Command(name = "list", description = "List the snippets.")
final class SnippetsListCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print a JSON array (one object per snippet) instead of a table.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    SnippetsListCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openUnlocked()) {
            List<SnippetRow> rows = new Snippets(vault).list();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(rows));
            } else if (rows.isEmpty()) {
                out.println("No snippets yet. Add one with: termvault snippets add --name NAME --command CMD");
            } else {
                TextTable table = new TextTable("NAME", "COMMAND", "TAGS");
                rows.forEach(s -> table.row(s.name(), firstLine(s.command()), String.join(",", s.tags())));
                table.print(out);
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static String firstLine(String command) {
        int newline = command.indexOf('\n');
        return newline < 0 ? command : command.substring(0, newline) + " ...";
    }
}
