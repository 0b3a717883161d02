package dev.termvault.app.cli;

import dev.termvault.app.core.account.MasterPassword;
import dev.termvault.vault.Vault;
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
    "Change the master password: asks for the current one, then the new one twice (at least 8 characters"
        + " and not too easy to guess).",
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
        MasterPassword.Changed changed;
        try (Vault vault = access.openLocked()) {
            char[] oldPassword = access.password("Current master password: ");
            char[] newPassword;
            try {
                newPassword = access.newPassword(newPasswordEnv, "--new-password-env");
            } catch (RuntimeException e) {
                VaultAccess.wipe(oldPassword);
                throw e;
            }
            changed = SyncAccess.guard(() -> new MasterPassword(vault, SyncAccess.DEVICE_NAME)
                    .change(oldPassword, newPassword));
        }
        spec.commandLine().getOut().println("The master password was changed. The Secret Key stays the same.");
        if (changed == MasterPassword.Changed.ON_THE_ACCOUNT) {
            spec.commandLine().getOut().println("The sync account uses the new password too: log in with it on "
                    + "your other devices.");
        }
        return ExitCodes.OK;
    }
}
