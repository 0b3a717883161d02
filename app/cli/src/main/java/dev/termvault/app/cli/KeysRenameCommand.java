package dev.termvault.app.cli;

import java.util.concurrent.Callable;

import dev.termvault.app.core.keys.KeyRow;
import dev.termvault.app.core.keys.Keys;
import dev.termvault.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code termvault keys rename OLD NEW}: renames a key; the hosts that use it keep using it. */
@Command(name = "rename", description = "Rename a key; the hosts that use it keep using it.")
final class KeysRenameCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD", description = "The key's name (or record id).")
    private String oldName;

    @Parameters(index = "1", paramLabel = "NEW", description = "Its new name.")
    private String newName;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    KeysRenameCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openUnlocked()) {
            KeyRow key = new Keys(vault).rename(oldName, newName);
            spec.commandLine().getOut().println("Renamed key to " + key.name() + ".");
        }
        return ExitCodes.OK;
    }
}
