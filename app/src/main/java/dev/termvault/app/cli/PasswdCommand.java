package dev.termvault.app.cli;

import dev.termvault.vault.Vault;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code termvault passwd}: changes the master password (records are not re-encrypted). */
@Command(name = "passwd", description = {
    "Change the master password: asks for the current one, then the new one twice.",
    "The Secret Key stays the same."})
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
        try (Vault vault = access.openLocked()) {
            char[] oldPassword = null;
            char[] newPassword = null;
            try {
                oldPassword = access.password("Current master password: ");
                newPassword = access.newPassword(newPasswordEnv, "--new-password-env");
                vault.changePassword(oldPassword, newPassword);
            } finally {
                VaultAccess.wipe(oldPassword);
                VaultAccess.wipe(newPassword);
            }
        }
        spec.commandLine().getOut().println("The master password was changed. The Secret Key stays the same.");
        return ExitCodes.OK;
    }
}
