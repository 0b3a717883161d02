package dev.termvault.app.cli;

import dev.termvault.sync.client.SyncClient;
import dev.termvault.vault.Vault;
import dev.termvault.vault.sync.SyncLink;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code termvault passwd}: changes the master password (records are not re-encrypted). For a vault linked to
 * a sync account the change is made on the account too (key service, blob service, then this vault); if it
 * stops half-way, running the command again with the same two passwords finishes it.
 */
@Command(name = "passwd", description = {
    "Change the master password: asks for the current one, then the new one twice.",
    "The Secret Key stays the same. A vault linked to a sync account is changed on the account too (this"
        + " needs the server); other devices then log in with the new password."})
final class PasswdCommand implements Callable<Integer> {

    @Option(names = "--new-password-env", paramLabel = "NAME",
            description = "Read the new master password from the environment variable NAME (for scripts).")
    private String newPasswordEnv;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    PasswdCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        boolean synced;
        try (Vault vault = access.openLocked()) {
            Optional<SyncLink> link = vault.account().syncLink();
            synced = link.isPresent();
            char[] oldPassword = null;
            char[] newPassword = null;
            try {
                oldPassword = access.password("Current master password: ");
                newPassword = access.newPassword(newPasswordEnv, "--new-password-env");
                if (synced) {
                    SyncClient client = SyncClient.builder(link.get()).build();
                    char[] current = oldPassword;
                    char[] next = newPassword;
                    try {
                        SyncAccess.guard(() -> client.changePassword(vault, current, next));
                    } finally {
                        client.shutdown();
                    }
                } else {
                    vault.account().changePassword(oldPassword, newPassword);
                }
            } finally {
                VaultAccess.wipe(oldPassword);
                VaultAccess.wipe(newPassword);
            }
        }
        spec.commandLine().getOut().println("The master password was changed. The Secret Key stays the same.");
        if (synced) {
            spec.commandLine().getOut().println("The sync account uses the new password too: log in with it on "
                    + "your other devices.");
        }
        return ExitCodes.OK;
    }
}
