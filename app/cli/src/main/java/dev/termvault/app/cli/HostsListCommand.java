package dev.termvault.app.cli;

import dev.termvault.app.core.hosts.HostView;
import dev.termvault.app.core.hosts.Hosts;
import dev.termvault.vault.Vault;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code termvault hosts list}: every readable host. When some records cannot be read it still lists the
 * others, names the unreadable ones and exits with 3.
 */
@Command(name = "list", description = "List the hosts. Exits with 3 when some records could not be read.")
final class HostsListCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print a JSON array (one object per host) instead of a table.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    HostsListCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openUnlocked()) {
            List<HostView> hosts = new Hosts(vault).list();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(hosts));
            } else if (hosts.isEmpty()) {
                out.println("No hosts yet. Add one with: termvault hosts add --label L --hostname H");
            } else {
                HostViews.printTable(hosts, out);
            }
            out.flush();
            return reportUnreadable(vault.unreadable(), spec.commandLine().getErr());
        }
    }

    /** Names the records that failed to open; the exit code: 3 when there are some, else 0. */
    static int reportUnreadable(List<String> unreadable, PrintWriter err) {
        if (unreadable.isEmpty()) {
            return ExitCodes.OK;
        }
        err.println("termvault: " + unreadable.size() + " record(s) could not be read: they were damaged or changed"
                + " outside Termvault (tampered): " + String.join(", ", unreadable) + ". (exit code 3)");
        err.flush();
        return ExitCodes.UNREADABLE;
    }
}
