package dev.termvault.app.cli;

import dev.termvault.app.core.knownhosts.KnownHostRow;
import dev.termvault.app.core.knownhosts.KnownHosts;
import dev.termvault.vault.Vault;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code termvault known-hosts list}: every accepted host key with its SHA256 fingerprint. */
@Command(name = "list", description = "List the accepted host keys.")
final class KnownHostsListCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print a JSON array (one object per key) instead of a table.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    KnownHostsListCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openUnlocked()) {
            List<KnownHostRow> rows = new KnownHosts(vault).list();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(rows));
            } else if (rows.isEmpty()) {
                out.println("No host keys accepted yet: they are added when you connect.");
            } else {
                TextTable table = new TextTable("HOST", "TYPE", "ADDED", "FINGERPRINT", "");
                ZoneId zone = ZoneId.systemDefault();
                rows.forEach(r -> table.row(r.hostAndPort(), r.typeLabel(), r.addedText(zone), r.fingerprint(),
                        r.revoked() ? "revoked" : ""));
                table.print(out);
            }
            out.flush();
            return HostsListCommand.reportUnreadable(vault.unreadable(), spec.commandLine().getErr());
        }
    }
}
