package dev.termvault.vault;

import dev.termvault.vault.internal.LocalServiceShare;
import dev.termvault.vault.secret.SecretBytes;

/**
 * Where the service share S comes from. K_acct = HKDF(K_user || S) needs both halves, so S is the
 * service's half of the account key: for a local-only vault this device makes it ({@link #local()}); for
 * an account, the key service supplies it after login. Either way the vault keeps S wrapped under
 * K_local, so the password alone (with the device's Secret Key) unlocks offline.
 */
public interface ServiceShareSource {

    /**
     * The share for a new account. The caller owns the result and destroys it after wrapping.
     */
    SecretBytes newShare();

    /** The name stored with the account ({@code local} or {@code service}), for display and for sync. */
    String kind();

    /** A share made on this device from the vault's random source: a local-only vault. */
    static ServiceShareSource local() {
        return LocalServiceShare.INSTANCE;
    }
}
