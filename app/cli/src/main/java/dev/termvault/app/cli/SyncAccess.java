package dev.termvault.app.cli;

import dev.termvault.app.core.account.Account;
import dev.termvault.app.core.account.AccountLogin;
import dev.termvault.app.core.account.DeviceName;
import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.client.SyncException;
import dev.termvault.vault.Vault;

/**
 * What the sync commands share: open the vault and, through the core's {@link AccountLogin}, unlock it and log
 * it in to its linked account with one password entry (taking over a password changed on another device), and
 * turn sync errors into exit codes and messages.
 */
final class SyncAccess {

    /** The name this device has on the account. */
    static final String DEVICE_NAME = DeviceName.on(DeviceName.CLI);

    private SyncAccess() {
    }

    /** An unlocked, logged-in vault; close it when done. */
    record Linked(Vault vault, AccountSession session) implements AutoCloseable {
        @Override
        public void close() {
            session.client().shutdown();
            vault.close();
        }
    }

    static Linked login(VaultAccess access) {
        Vault vault = access.openLocked();
        try {
            if (!new Account(vault).local().linked()) {
                throw notLinked();
            }
            AccountLogin.LoggedIn in = guard(() -> new AccountLogin(DEVICE_NAME)
                    .unlockAndLogIn(vault, access.password("Master password: ")));
            if (in.passwordTakenOver()) {
                access.notices().println("The master password was changed on another device; this device now "
                        + "uses the new one.");
                access.notices().flush();
            }
            return new Linked(vault, in.session());
        } catch (RuntimeException e) {
            vault.close();
            throw e;
        }
    }

    static CliException notLinked() {
        return CliException.usage("This vault is not linked to a sync account. Link it with: termvault account "
                + "signup");
    }

    /** Runs sync work, turning a SyncException into a CliException with a message a person understands. */
    static <T> T guard(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (SyncException.NotLinked e) {
            throw notLinked();
        } catch (SyncException.LoginFailed e) {
            if (e.credentialsRefused()) {
                throw CliException.wrongPassword(e.getMessage() + ". Nothing was changed. (exit code 2)");
            }
            throw CliException.failed(e.getMessage() + ".");
        } catch (SyncException.ServerMisbehaved e) {
            throw CliException.unreadable(e.getMessage() + ". Nothing local was changed.");
        } catch (SyncException e) {
            throw CliException.failed(e.getMessage() + ".");
        }
    }
}
