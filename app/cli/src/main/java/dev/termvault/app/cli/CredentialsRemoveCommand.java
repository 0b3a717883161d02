package dev.termvault.app.cli;

import java.util.concurrent.Callable;

import dev.termvault.app.core.credentials.CredentialDeletion;
import dev.termvault.app.core.credentials.Credentials;
import dev.termvault.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code termvault credentials rm NAME}: deletes a credential; refuses one that hosts use unless forced. */
@Command(name = "rm", description = {"Delete a credential.",
    "One that hosts log in with is not deleted unless --force is given; then those hosts are unlinked from it."})
final class CredentialsRemoveCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The credential's name (or record id).")
    private String reference;

    @Option(names = "--force", description = "Delete it even when hosts use it, and unlink it from them.")
    private boolean force;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    CredentialsRemoveCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openUnlocked()) {
            Credentials credentials = new Credentials(vault);
            CredentialDeletion deleted = InUseDeletion.delete(force, rule -> credentials.delete(reference, rule));
            spec.commandLine().getOut().println("Deleted credential " + deleted.credential().name() + ".");
            InUseDeletion.reportUnlinked(deleted.unlinked(), spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }
}
