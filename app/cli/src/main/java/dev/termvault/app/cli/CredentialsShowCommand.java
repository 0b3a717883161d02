package dev.termvault.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.termvault.app.core.HostRef;
import dev.termvault.app.core.credentials.CredentialDetails;
import dev.termvault.app.core.credentials.CredentialRow;
import dev.termvault.app.core.credentials.Credentials;
import dev.termvault.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code termvault credentials show NAME}: one credential and its hosts; the password only with --reveal. */
@Command(name = "show", description = "Show a credential and the hosts that use it; the password only with --reveal.")
final class CredentialsShowCommand implements Callable<Integer> {

    /** What {@code --json --reveal} prints: the details and the password. */
    record Revealed(CredentialDetails details, String password) {
    }

    @Parameters(index = "0", paramLabel = "NAME", description = "The credential's name (or record id).")
    private String reference;

    @Option(names = "--reveal", description = "Print the password too.")
    private boolean reveal;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    CredentialsShowCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openUnlocked()) {
            Credentials credentials = new Credentials(vault);
            CredentialDetails details = credentials.show(reference);
            String password = reveal ? credentials.reveal(details.credential().id()) : null;
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(reveal ? new Revealed(details, password) : details));
            } else {
                print(details, password, out);
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    private void print(CredentialDetails details, String password, PrintWriter out) {
        CredentialRow row = details.credential();
        out.println("Name:      " + row.name());
        out.println("Username:  " + (row.username() == null ? "-" : row.username()));
        out.println("Password:  " + (reveal ? (password == null ? "(none)" : password)
                : row.hasPassword() ? "(hidden; --reveal prints it)" : "(none)"));
        out.println("Hosts:     " + (details.hosts().isEmpty() ? "-"
                : String.join(", ", details.hosts().stream().map(HostRef::label).toList())));
        out.println("Id:        " + row.id());
    }
}
