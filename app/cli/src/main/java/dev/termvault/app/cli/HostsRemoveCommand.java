package dev.termvault.app.cli;

import dev.termvault.app.core.hosts.DeletedHost;
import dev.termvault.app.core.hosts.Hosts;
import dev.termvault.app.core.hosts.RecordRef;
import dev.termvault.vault.Vault;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code termvault hosts rm LABEL}: deletes one host. Hosts that jumped through it lose that hop and keep the
 * rest of their chain; the command names them.
 */
@Command(name = "rm", description = "Remove a host (and the hop through it from other hosts' jump chains).")
final class HostsRemoveCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LABEL", description = "The host's label (or record id).")
    private String label;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    HostsRemoveCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openUnlocked()) {
            DeletedHost deleted = new Hosts(vault).delete(label);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Removed host " + deleted.label() + ".");
            if (!deleted.unlinked().isEmpty()) {
                out.println("Unlinked it from the jump chains of: "
                        + String.join(", ", deleted.unlinked().stream().map(RecordRef::name).toList()) + ".");
            }
        }
        return ExitCodes.OK;
    }
}
