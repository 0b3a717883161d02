package dev.termvault.app.cli;

import java.util.concurrent.Callable;

import dev.termvault.app.core.keys.KeyDeletion;
import dev.termvault.app.core.keys.Keys;
import dev.termvault.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code termvault keys rm NAME}: deletes a key; refuses one that hosts log in with unless forced. */
@Command(name = "rm", description = {"Delete a key.",
    "A key that hosts log in with is not deleted unless --force is given; then those hosts are unlinked from it."})
final class KeysRemoveCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The key's name (or record id).")
    private String name;

    @Option(names = "--force", description = "Delete it even when hosts use it, and unlink it from them.")
    private boolean force;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    KeysRemoveCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openUnlocked()) {
            Keys keys = new Keys(vault);
            KeyDeletion deleted = InUseDeletion.delete(force, rule -> keys.delete(name, rule));
            spec.commandLine().getOut().println("Deleted key " + deleted.key().name() + ".");
            InUseDeletion.reportUnlinked(deleted.unlinked(), spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }
}
