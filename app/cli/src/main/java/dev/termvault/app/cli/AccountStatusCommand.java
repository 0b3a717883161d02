package dev.termvault.app.cli;

import dev.termvault.app.core.account.Account;
import dev.termvault.app.core.account.AccountLogin;
import dev.termvault.sync.client.SyncException;
import dev.termvault.vault.Vault;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code termvault account status [--json]}: the server, email, this device's name, the linked vault, the last
 * sync and the pending changes. A linked vault is logged in (the device's name is the server's); when the
 * server cannot be reached, what this device knows is shown with the reason.
 */
@Command(name = "status", description = {"Show the sync account: server, email, this device, the linked vault,"
    + " the last sync and the pending changes (asks for the master password of a linked vault)."})
final class AccountStatusCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print a JSON object.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    AccountStatusCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openLocked()) {
            Account account = new Account(vault);
            Account.Status status = account.local();
            if (status.linked()) {
                char[] password = access.password("Master password: ");
                try {
                    AccountLogin.LoggedIn in = new AccountLogin(SyncAccess.DEVICE_NAME).unlockAndLogIn(vault, password);
                    status = account.online(in.session());
                    in.session().client().shutdown();
                } catch (SyncException e) {
                    status = status.unreachable(e.getMessage());
                }
            }
            print(status);
            return ExitCodes.OK;
        }
    }

    private void print(Account.Status s) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(s));
        } else if (!s.linked()) {
            out.println("Not linked to a sync account; " + s.pending() + " local change(s).");
        } else {
            out.println("Server:    " + s.server());
            out.println("Email:     " + s.email());
            out.println("Device:    " + (s.deviceName() != null ? s.deviceName() + " (" + s.deviceId() + ")"
                    : s.deviceId()));
            out.println("Vault:     " + s.vaultId());
            out.println("Last sync: " + (s.lastSync() != null ? s.lastSync() : "none recorded on this device"));
            out.println("Pending:   " + s.pending() + " change(s)");
            if (s.serverProblem() != null) {
                out.println("The server could not be asked: " + s.serverProblem() + ".");
            }
        }
        out.flush();
    }
}
