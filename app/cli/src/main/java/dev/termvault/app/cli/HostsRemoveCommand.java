package dev.termvault.app.cli;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code termvault hosts rm LABEL}: deletes one host. */
@Command(name = "rm", description = "Remove a host.")
final class HostsRemoveCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LABEL", description = "The host's label.")
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
            VaultRecord record = HostLookup.require(vault, label);
            vault.delete(record.id());
            spec.commandLine().getOut().println("Removed host " + ((Host) record.item()).label() + ".");
        }
        return ExitCodes.OK;
    }
}
