package dev.termvault.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.termvault.app.core.credentials.CredentialRow;
import dev.termvault.app.core.credentials.Credentials;
import dev.termvault.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code termvault credentials list}: names, usernames and whether a password is set; never a password. */
@Command(name = "list", description = "List the credentials (never their passwords).")
final class CredentialsListCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print a JSON array (one object per credential) instead of a table.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    CredentialsListCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openUnlocked()) {
            List<CredentialRow> rows = new Credentials(vault).list();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(rows));
            } else if (rows.isEmpty()) {
                out.println("No credentials yet. Add one with: termvault credentials add --name NAME --username U");
            } else {
                TextTable table = new TextTable("NAME", "USERNAME", "PASSWORD", "HOSTS");
                rows.forEach(c -> table.row(c.name(), c.username() == null ? "-" : c.username(),
                        c.hasPassword() ? "set" : "-", Integer.toString(c.usedBy())));
                table.print(out);
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
