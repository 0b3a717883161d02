package dev.termvault.app.cli;

import java.util.concurrent.Callable;

import dev.termvault.app.core.snippets.Snippets;
import dev.termvault.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code termvault snippets rm NAME}: deletes a snippet. */
@Command(name = "rm", description = "Delete a snippet.")
final class SnippetsRemoveCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The snippet's name (or record id).")
    private String reference;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    SnippetsRemoveCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openUnlocked()) {
            String name = new Snippets(vault).delete(reference).name();
            spec.commandLine().getOut().println("Deleted snippet " + name + ".");
        }
        return ExitCodes.OK;
    }
}
