package dev.termvault.app.cli;

import java.util.concurrent.Callable;

import dev.termvault.app.core.credentials.Credentials;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code termvault credentials add}: a new credential; its password is typed on the terminal, twice. */
@Command(name = "add", description = "Add a credential. The password is asked on the terminal (twice).")
final class CredentialsAddCommand implements Callable<Integer> {

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The name you pick it by.")
    private String name;

    @Option(names = "--username", paramLabel = "U", description = "The login name.")
    private String username;

    @Option(names = "--no-password", description = "Store no password (only a username).")
    private boolean noPassword;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;
    private final CliContext context;

    CredentialsAddCommand(VaultAccess access, CliContext context) {
        this.access = access;
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openUnlocked()) {
            char[] password = noPassword ? null : TypedSecrets.askTwice(context, "Password for " + name + ": ",
                    "the password");
            try {
                VaultRecord added = new Credentials(vault).add(name, username, password);
                spec.commandLine().getOut().println("Added credential " + name.strip() + ", id " + added.id() + ".");
            } finally {
                VaultAccess.wipe(password);
            }
        }
        return ExitCodes.OK;
    }
}
