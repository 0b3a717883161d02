package dev.termvault.app.cli;

import java.util.concurrent.Callable;

import dev.termvault.app.core.keys.Keys;
import dev.termvault.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code termvault keys export-public NAME}: prints a key's authorized_keys line. */
@Command(name = "export-public", description = "Print a key's public half as an authorized_keys line.")
final class KeysExportPublicCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The key's name.")
    private String name;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    KeysExportPublicCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openUnlocked()) {
            spec.commandLine().getOut().println(new Keys(vault).exportPublic(name));
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
