package dev.termvault.vault;

import dev.termvault.vault.internal.AccountKeys;
import dev.termvault.vault.internal.Contexts;
import dev.termvault.vault.internal.Keyring;
import dev.termvault.vault.internal.VaultKeyWrap;
import dev.termvault.vault.internal.crypto.KeyHierarchy;
import dev.termvault.vault.internal.crypto.KeyWrap;
import dev.termvault.vault.internal.crypto.SecretKey;
import dev.termvault.vault.internal.store.AccountRow;
import dev.termvault.vault.secret.SecretBytes;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A master-password change of a vault linked to a sync account, prepared by {@link VaultAccount#beginPasswordChange}
 * and finished by the sync client: it holds the current account secrets (to prove the old password to the
 * key service), the new ones (new salt, same Secret Key, for the new SRP verifier), and this device's vault
 * keys opened with the current password (to re-wrap them under the new K_acct). Nothing is written until
 * {@link #commit}. {@link #close()} wipes everything.
 */
public final class PasswordChange implements AutoCloseable {

    private final VaultAccount owner;
    private final AccountRow account;
    private final AccountSecrets current;
    private final AccountSecrets next;
    private final Keyring keys;
    private final Map<Integer, byte[]> storedWraps;

    PasswordChange(VaultAccount owner, AccountRow account, AccountSecrets current, AccountSecrets next, Keyring keys,
                   Map<Integer, byte[]> storedWraps) {
        this.owner = owner;
        this.account = account;
        this.current = current;
        this.next = next;
        this.keys = keys;
        this.storedWraps = storedWraps;
    }

    /** The account secrets of the current password (this device's vault). */
    public AccountSecrets current() {
        return current;
    }

    /** The account secrets of the new password. */
    public AccountSecrets next() {
        return next;
    }

    /** The vault's wrapped keys as this device stores them. */
    public Map<Integer, byte[]> storedWraps() {
        return new TreeMap<>(storedWraps);
    }

    /** Whether {@code share} is the service share this device caches (opened with the current password). */
    public boolean holdsShare(SecretBytes share) {
        try (SecretBytes cached = AccountKeys.openShare(account, current.userKey())) {
            return cached.equals(share);
        }
    }

    /** Every vault key of this device re-wrapped under the new K_acct = HKDF(new K_user ‖ share) at {@code epoch}. */
    public Map<Integer, byte[]> rewrap(SecretBytes share, int epoch) {
        if (epoch < 1) {
            throw new IllegalArgumentException("a re-wrap epoch starts at 1");
        }
        try (SecretBytes accountKey = KeyHierarchy.accountKey(next.userKey(), share)) {
            Map<Integer, byte[]> out = new TreeMap<>();
            for (int version : keys.versions()) {
                out.put(version, VaultKeyWrap.wrap(accountKey, keys.vaultKey(version).orElseThrow(), keys.vaultId(),
                        version, epoch));
            }
            return out;
        }
    }

    /**
     * As {@link #rewrap(SecretBytes, int)}, plus every version {@code served} holds that this device does not
     * (made on another device since this one last synced): opened under the current K_acct and re-wrapped
     * too, so that the re-wrap covers every version the blob service stores.
     *
     * @throws VaultException.Tampered if such a version does not open under the current K_acct
     */
    public Map<Integer, byte[]> rewrap(SecretBytes share, int epoch, Map<Integer, byte[]> served) {
        Map<Integer, byte[]> out = rewrap(share, epoch);
        try (SecretBytes currentKey = KeyHierarchy.accountKey(current.userKey(), share);
             SecretBytes nextKey = KeyHierarchy.accountKey(next.userKey(), share)) {
            for (Map.Entry<Integer, byte[]> other : served.entrySet()) {
                if (!out.containsKey(other.getKey())) {
                    try (SecretBytes vaultKey = VaultKeyWrap.unwrap(currentKey, other.getValue(), keys.vaultId(),
                            other.getKey())) {
                        out.put(other.getKey(), VaultKeyWrap.wrap(nextKey, vaultKey, keys.vaultId(), other.getKey(),
                                epoch));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether {@code wraps} hold every vault key of this device, each opening under the new K_acct to the very
     * key this device holds (a re-wrap stored by an earlier, interrupted run of the same change).
     */
    public boolean matchesNewKey(SecretBytes share, Map<Integer, byte[]> wraps) {
        if (!wraps.keySet().containsAll(keys.versions())) {
            return false;
        }
        try (SecretBytes accountKey = KeyHierarchy.accountKey(next.userKey(), share)) {
            for (int version : keys.versions()) {
                try (SecretBytes opened = VaultKeyWrap.unwrap(accountKey, wraps.get(version), keys.vaultId(),
                        version)) {
                    if (!opened.equals(keys.vaultKey(version).orElseThrow())) {
                        return false;
                    }
                } catch (VaultException.Tampered e) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Writes the change to this device's vault in one transaction: the new salt and KDF parameters, S cached
     * under the new K_local, and {@code wraps} (which must be {@link #matchesNewKey matching}) as the vault
     * keys. An unlocked vault stays unlocked under the new K_acct.
     *
     * @throws VaultException.Tampered if {@code wraps} do not match
     */
    public void commit(SecretBytes share, Map<Integer, byte[]> wraps) {
        if (!holdsShare(share) || !matchesNewKey(share, wraps)) {
            throw new VaultException.Tampered();
        }
        Map<Integer, byte[]> own = new TreeMap<>();
        for (int version : keys.versions()) {
            own.put(version, wraps.get(version));
        }
        owner.commitPasswordChange(account, next, share, keys.vaultId(), own);
    }

    UUID vaultId() {
        return keys.vaultId();
    }

    @Override
    public void close() {
        current.destroy();
        next.destroy();
        keys.destroy();
    }

    @Override
    public String toString() {
        return "PasswordChange[" + next + "]";
    }

    /** New account secrets from {@code password} with the Secret Key of {@code account}. */
    static AccountSecrets secretsFor(AccountRow account, char[] password, byte[] salt, KdfParams params) {
        params.requireAcceptable();
        if (salt == null || salt.length != KeyHierarchy.SALT_LENGTH) {
            throw new VaultException.Tampered();
        }
        try (SecretKey secretKey = SecretKey.fromBytes(account.secretKey())) {
            return new AccountSecrets(KeyHierarchy.userKey(password, secretKey, salt, params), salt, params,
                    account.secretKey());
        }
    }

    /** The new account row: salt and parameters of {@code next}, S wrapped under its K_local. */
    static AccountRow updatedRow(AccountRow account, AccountSecrets next, SecretBytes share) {
        try (SecretBytes localKey = KeyHierarchy.localKey(next.userKey())) {
            byte[] wrappedShare = KeyWrap.wrap(localKey, share, Contexts.serviceShare(account.accountId()));
            KdfParams p = next.kdfParams();
            return new AccountRow(account.accountId(), AccountKeys.FORMAT_VERSION, next.salt(), p.memoryKiB(),
                    p.iterations(), p.parallelism(), account.secretKey(), wrappedShare, account.shareSource());
        }
    }
}
