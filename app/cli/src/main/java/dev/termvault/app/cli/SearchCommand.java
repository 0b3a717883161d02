package dev.termvault.app.cli;

import dev.termvault.app.core.search.RecordSearch;
import dev.termvault.app.core.search.SearchRow;
import dev.termvault.vault.Vault;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code termvault search QUERY}: every record (host, key, credential, ...) that holds every word of the query. */
@Command(name = "search", description = "Search every record; passwords and private keys are never matched.")
final class SearchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "QUERY", arity = "1..*",
            description = "Words that must all occur in a record, ignoring case.")
    private List<String> words;

    @Option(names = "--json", description = "Print a JSON array (one object per record) instead of a table.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    SearchCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        String query = String.join(" ", words);
        try (Vault vault = access.openUnlocked()) {
            List<SearchRow> rows = new RecordSearch(vault).search(query);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(rows));
            } else if (rows.isEmpty()) {
                out.println("Nothing matches \"" + query + "\".");
            } else {
                TextTable table = new TextTable("TYPE", "NAME", "ID", "DETAIL");
                rows.forEach(r -> table.row(r.type().name().toLowerCase(Locale.ROOT).replace('_', '-'), r.name(),
                        r.id(), r.detail()));
                table.print(out);
            }
            out.flush();
            return HostsListCommand.reportUnreadable(vault.unreadable(), spec.commandLine().getErr());
        }
    }
}
