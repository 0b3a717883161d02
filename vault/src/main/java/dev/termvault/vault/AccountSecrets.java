package dev.termvault.vault;

import dev.termvault.vault.internal.crypto.KeyHierarchy;
import dev.termvault.vault.internal.crypto.SecretKey;
import dev.termvault.vault.internal.store.AccountRow;
import dev.termvault.vault.secret.SecretAccess;
import dev.termvault.vault.secret.SecretBytes;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * What the password side of an account gives the sync client: K_user (kept inside, never handed out), the
 * salt and KDF parameters it came from, and the Secret Key. The sync client asks it for the SRP secret
 * ({@link #srpSecret()}: HKDF(K_user, "srp-x"), so the key service never sees the password or K_user) and
 * hands it back to the vault to attach or join an account. {@link #destroy()} wipes it.
 */
public final class AccountSecrets implements Destroyable, AutoCloseable {

    private final SecretBytes userKey;
    private final byte[] salt;
    private final KdfParams params;
    private final byte[] secretKey;
    private boolean destroyed;

    AccountSecrets(SecretBytes userKey, byte[] salt, KdfParams params, byte[] secretKey) {
        this.userKey = userKey;
        this.salt = salt.clone();
        this.params = params;
        this.secretKey = secretKey.clone();
    }

    /** The secrets of {@code account}'s password side with its K_user (which the result then owns). */
    static AccountSecrets of(SecretBytes userKey, AccountRow account) {
        return new AccountSecrets(userKey, account.kdfSalt(), new KdfParams(account.kdfMemoryKib(),
                account.kdfIterations(), account.kdfParallelism()), account.secretKey());
    }

    /**
     * Derives K_user for an account whose salt and KDF parameters came from the key service (a device
     * joining an account). The parameters are checked against the floor before anything is derived.
     *
     * @param password      the master password; wiped before returning
     * @param secretKeyText the Secret Key as printed in the Emergency Kit
     * @throws VaultException.WeakKdfParameters if the parameters are below the floor; nothing is derived
     */
    public static AccountSecrets derive(char[] password, String secretKeyText, byte[] salt, KdfParams params) {
        try {
            params.requireAcceptable();
            if (salt == null || salt.length != KeyHierarchy.SALT_LENGTH) {
                throw new VaultException.Tampered();
            }
            try (SecretKey secretKey = SecretKey.parse(secretKeyText);
                 SecretBytes raw = secretKey.toSecretBytes()) {
                byte[] rawBytes = raw.reveal(SecretAccess.insecure());
                try {
                    return new AccountSecrets(KeyHierarchy.userKey(password, secretKey, salt, params), salt, params,
                            rawBytes);
                } finally {
                    Arrays.fill(rawBytes, (byte) 0);
                }
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The SRP-6a secret: HKDF(K_user, "srp-x"). The caller owns (and destroys) the result. */
    public SecretBytes srpSecret() {
        requireLive();
        return KeyHierarchy.srpX(userKey);
    }

    /** The Argon2id salt (also the SRP salt). */
    public byte[] salt() {
        return salt.clone();
    }

    /** The KDF parameters K_user was derived with. */
    public KdfParams kdfParams() {
        return params;
    }

    SecretBytes userKey() {
        requireLive();
        return userKey;
    }

    byte[] secretKeyBytes() {
        requireLive();
        return secretKey;
    }

    private void requireLive() {
        if (destroyed) {
            throw new IllegalStateException("these account secrets were destroyed");
        }
    }

    @Override
    public void destroy() {
        destroyed = true;
        userKey.destroy();
        Arrays.fill(secretKey, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "AccountSecrets[kdf=" + params + (destroyed ? ", destroyed" : "") + "]";
    }
}
