package dev.termvault.app.cli;

import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.client.SyncClient;
import dev.termvault.sync.client.SyncException;
import dev.termvault.vault.Vault;
import dev.termvault.vault.store.SyncLink;

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
            SyncLink link = vault.syncLink().orElseThrow(() -> CliException.usage(
                    "This vault is not linked to a sync account. Link it with: termvault account signup"));
            password = access.password("Master password: ");
            vault.unlock(password.clone());
            char[] again = password.clone();
            AccountSession session = guard(() -> SyncClient.builder(link).build().logIn(vault, again));
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
            throw CliException.failed(e.getMessage() + ".");
        } catch (SyncException.ServerMisbehaved e) {
            throw CliException.unreadable(e.getMessage() + ". Nothing local was changed.");
        } catch (SyncException e) {
            throw CliException.failed(e.getMessage() + ".");
        }
    }

}
