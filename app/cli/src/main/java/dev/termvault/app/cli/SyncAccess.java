package dev.termvault.app.cli;

import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.client.SyncClient;
import dev.termvault.sync.client.SyncException;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.sync.SyncLink;
import java.util.Optional;

/**
 * What the sync commands share: open and unlock the vault and log it in to its linked account with one
 * password entry, and turn sync errors into exit codes and messages.
 */
final class SyncAccess {

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
        char[] password = null;
        try {
            SyncLink link = vault.account().syncLink().orElseThrow(() -> CliException.usage(
                    "This vault is not linked to a sync account. Link it with: termvault account signup"));
            password = access.password("Master password: ");
            SyncClient client = SyncClient.builder(link).build();
            try {
                vault.unlock(password.clone());
            } catch (VaultException.WrongPassword wrong) {
                // Perhaps the new password of a change made on another device: the account tells.
                char[] candidate = password.clone();
                Optional<AccountSession> adopted = guard(() -> {
                    try {
                        return client.adoptNewPassword(vault, candidate);
                    } catch (SyncException.Offline offline) {
                        // The account cannot tell; to this device the password is simply wrong.
                        return Optional.<AccountSession>empty();
                    }
                });
                if (adopted.isEmpty()) {
                    client.shutdown();
                    throw wrong;
                }
                access.notices().println("The master password was changed on another device; this device now "
                        + "uses the new one.");
                access.notices().flush();
                return new Linked(vault, adopted.get());
            }
            char[] again = password.clone();
            AccountSession session = guard(() -> client.logIn(vault, again));
            return new Linked(vault, session);
        } catch (RuntimeException e) {
            vault.close();
            throw e;
        } finally {
            VaultAccess.wipe(password);
        }
    }

    /** Runs sync work, turning a SyncException into a CliException with a message a person understands. */
    static <T> T guard(java.util.function.Supplier<T> work) {
        try {
            return work.get();
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
