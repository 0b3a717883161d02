package dev.termvault.app.core.account;

import dev.termvault.sync.client.SyncClient;
import dev.termvault.vault.Vault;
import dev.termvault.vault.sync.SyncLink;
import java.util.Arrays;
import java.util.Optional;

/**
 * Changing the master password (the Secret Key stays; no record is re-encrypted). The new one must pass
 * {@link PasswordPolicy}. For a vault linked to a sync account the change is made on the account too (key
 * service, blob service, then this vault); if it stops half-way, the same two passwords finish it. Other
 * devices take it over when they next log in with the new password ({@link AccountLogin#unlock}).
 */
public final class MasterPassword {

    /** Where the password was changed. */
    public enum Changed {
        /** A local vault: on this device. */
        ON_THIS_DEVICE,
        /** A linked vault: on the account and this device; other devices log in with the new one. */
        ON_THE_ACCOUNT
    }

    private final Vault vault;
    private final String deviceName;

    public MasterPassword(Vault vault, String deviceName) {
        this.vault = vault;
        this.deviceName = deviceName;
    }

    /**
     * Changes the password.
     *
     * @param current the password the vault opens with now; wiped before returning
     * @param next    the new one; wiped before returning
     * @throws dev.termvault.app.core.CoreException.Invalid when {@code next} is too weak (nothing changed)
     * @throws dev.termvault.vault.VaultException.WrongPassword when {@code current} is wrong (nothing changed)
     */
    public Changed change(char[] current, char[] next) {
        try {
            PasswordPolicy.require(next);
            Optional<SyncLink> link = vault.account().syncLink();
            if (link.isEmpty()) {
                vault.account().changePassword(current.clone(), next.clone());
                return Changed.ON_THIS_DEVICE;
            }
            SyncClient client = SyncClient.builder(link.get()).deviceName(deviceName).build();
            try {
                client.changePassword(vault, current.clone(), next.clone());
            } finally {
                client.shutdown();
            }
            return Changed.ON_THE_ACCOUNT;
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(next, '\0');
        }
    }
}
