package dev.termvault.app.core.account;

import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.client.SyncClient;
import dev.termvault.sync.client.SyncException;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.sync.SyncLink;
import java.util.Arrays;
import java.util.Optional;

/**
 * Unlocking a vault linked to a sync account and logging it in, for both front ends. A password that does not
 * unlock the vault may be the new one of a change made on another device: the account is asked, and if so
 * this device takes the change over (records and pending changes kept) and is logged in at once.
 */
public final class AccountLogin {

    /**
     * An unlocked vault.
     *
     * @param passwordTakenOver the password was changed on another device and this device now uses it
     * @param session           the session when the unlock logged in already (after a take-over), else null
     */
    public record Unlocked(boolean passwordTakenOver, AccountSession session) {
        public Optional<AccountSession> loggedIn() {
            return Optional.ofNullable(session);
        }
    }

    /** A vault unlocked and logged in to its account. */
    public record LoggedIn(AccountSession session, boolean passwordTakenOver) {
    }

    private final String deviceName;

    /** @param deviceName the name this device has on the account (see {@link DeviceName}) */
    public AccountLogin(String deviceName) {
        this.deviceName = deviceName;
    }

    /** A client for the server {@code vault} is linked to (the caller shuts it down). */
    SyncClient client(SyncLink link) {
        return SyncClient.builder(link).deviceName(deviceName).build();
    }

    /**
     * Unlocks {@code vault}; for a linked vault, a password that does not unlock it is tried as the new one of a
     * change made on another device (the account tells; offline it is simply wrong).
     *
     * @param password wiped before returning
     * @throws VaultException.WrongPassword when it is neither this vault's password nor the account's new one
     */
    public Unlocked unlock(Vault vault, char[] password) {
        try {
            vault.unlock(password.clone());
            return new Unlocked(false, null);
        } catch (VaultException.WrongPassword wrong) {
            Optional<SyncLink> link = vault.account().syncLink();
            if (link.isEmpty()) {
                throw wrong;
            }
            SyncClient client = client(link.get());
            Optional<AccountSession> adopted;
            try {
                adopted = client.adoptNewPassword(vault, password.clone());
            } catch (SyncException.Offline offline) {
                adopted = Optional.empty();
            }
            if (adopted.isEmpty()) {
                client.shutdown();
                throw wrong;
            }
            return new Unlocked(true, adopted.get());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Logs an unlocked, linked vault in (the server's answers are checked against what this device holds).
     *
     * @param password wiped before returning
     * @throws SyncException.NotLinked, {@link SyncException.PasswordChanged} (log in with the new password) and
     *         the rest of the family
     */
    public AccountSession logIn(Vault vault, char[] password) {
        SyncLink link;
        try {
            link = vault.account().syncLink().orElseThrow(SyncException.NotLinked::new);
        } catch (SyncException.NotLinked e) {
            Arrays.fill(password, '\0');
            throw e;
        }
        SyncClient client = client(link);
        try {
            return client.logIn(vault, password);
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    /**
     * Unlocks a linked vault and logs it in with one password: {@link #unlock}, then {@link #logIn} unless the
     * unlock took a password change over and is logged in already.
     *
     * @param password wiped before returning
     */
    public LoggedIn unlockAndLogIn(Vault vault, char[] password) {
        if (vault.account().syncLink().isEmpty()) {
            Arrays.fill(password, '\0');
            throw new SyncException.NotLinked();
        }
        char[] again = password.clone();
        try {
            Unlocked unlocked = unlock(vault, password);
            if (unlocked.session() != null) {
                return new LoggedIn(unlocked.session(), true);
            }
            return new LoggedIn(logIn(vault, again.clone()), false);
        } finally {
            Arrays.fill(again, '\0');
        }
    }
}
