package dev.termvault.app.cli;

import dev.termvault.app.core.hosts.HostView;
import dev.termvault.app.core.hosts.Hosts;
import dev.termvault.vault.Vault;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code termvault hosts show LABEL}: one host in full. */
@Command(name = "show", description = "Show one host.")
final class HostsShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LABEL", description = "The host's label (or record id).")
    private String label;

    @Option(names = "--json", description = "Print a JSON object instead of text.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    HostsShowCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openUnlocked()) {
            HostView host = new Hosts(vault).show(label);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(host));
            } else {
                HostViews.printDetails(host, out);
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
