package dev.termvault.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.termvault.app.core.keys.KeyRow;
import dev.termvault.app.core.keys.Keys;
import dev.termvault.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code termvault keys list}: every key with its type, size, fingerprint, comment and how many hosts use it. */
@Command(name = "list", description = "List the SSH keys in the vault.")
final class KeysListCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print a JSON array (one object per key) instead of a table.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    KeysListCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openUnlocked()) {
            List<KeyRow> keys = new Keys(vault).list();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(keys));
            } else if (keys.isEmpty()) {
                out.println("No keys yet. Make one with: termvault keys generate --type ed25519 --name NAME");
            } else {
                TextTable table = new TextTable("NAME", "TYPE", "BITS", "FINGERPRINT", "COMMENT", "HOSTS");
                keys.forEach(k -> table.row(k.name(), k.typeLabel(), Integer.toString(k.bits()), k.fingerprint(),
                        k.comment().isEmpty() ? "-" : k.comment(), Integer.toString(k.usedBy())));
                table.print(out);
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
