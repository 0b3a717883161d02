package dev.termvault.app.cli;

import java.util.concurrent.Callable;

import dev.termvault.app.core.credentials.Credentials;
import dev.termvault.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code termvault credentials edit NAME}: changes the name, the username or (typed) the password. */
@Command(name = "edit", description = "Change a credential's name, username or password (asked on the terminal).")
final class CredentialsEditCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The credential's name (or record id).")
    private String reference;

    @Option(names = "--name", paramLabel = "NEW", description = "A new name.")
    private String newName;

    @Option(names = "--username", paramLabel = "U", description = "A new login name.")
    private String username;

    @Option(names = "--password", description = "Type a new password (asked twice).")
    private boolean password;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;
    private final CliContext context;

    CredentialsEditCommand(VaultAccess access, CliContext context) {
        this.access = access;
        this.context = context;
    }

    @Override
    public Integer call() {
        if (newName == null && username == null && !password) {
            throw CliException.usage("Nothing to change: give --name, --username or --password.");
        }
        try (Vault vault = access.openUnlocked()) {
            Credentials credentials = new Credentials(vault);
            String current = credentials.show(reference).credential().name();
            char[] typed = password ? TypedSecrets.askTwice(context, "New password for " + current + ": ",
                    "the new password") : null;
            try {
                credentials.edit(reference, newName, username, typed);
            } finally {
                VaultAccess.wipe(typed);
            }
            spec.commandLine().getOut().println("Changed credential " + (newName != null ? newName.strip() : current)
                    + ".");
        }
        return ExitCodes.OK;
    }
}
