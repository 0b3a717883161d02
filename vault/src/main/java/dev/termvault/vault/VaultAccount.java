package dev.termvault.vault;

import dev.termvault.vault.internal.AccountKeys;
import dev.termvault.vault.internal.KeyRotation;
import dev.termvault.vault.internal.Keyring;
import dev.termvault.vault.internal.StorageErrors;
import dev.termvault.vault.internal.UserKeyMaterial;
import dev.termvault.vault.internal.VaultKeyWrap;
import dev.termvault.vault.internal.crypto.KeyHierarchy;
import dev.termvault.vault.internal.store.AccountRow;
import dev.termvault.vault.internal.store.VaultStoreException;
import dev.termvault.vault.internal.store.VaultStore;
import dev.termvault.vault.secret.SecretBytes;
import dev.termvault.vault.sync.SyncLink;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account side of a vault ({@link Vault#account()}): the master password, the vault keys and the link to
 * a sync account. A local-only vault uses {@link #changePassword} and {@link #rotateVaultKey}; the sync
 * client uses the rest (sign-up, login, joining, a password change of a synced vault, key versions made on
 * another device). Key derivations and key wrapping stay inside the vault; what leaves is
 * {@link AccountSecrets} (which hands out only the SRP secret) and opaque wrapped keys.
 *
 * <p>Every method locks on the vault, like the vault's own methods. Passwords given as {@code char[]} are
 * wiped before the method returns, whether it succeeds or throws.
 */
public final class VaultAccount {

    private static final Logger LOG = LoggerFactory.getLogger(VaultAccount.class);

    private final Vault vault;

    VaultAccount(Vault vault) {
        this.vault = vault;
    }

    /**
     * Changes the master password of a local-only vault: a new salt and K_user, the service share and every
     * vault key re-wrapped, in one transaction. No record envelope is rewritten. Works locked or unlocked
     * (two key derivations). A vault linked to a sync account changes its password through the sync client.
     *
     * @param oldPassword the current password; wiped before returning
     * @param newPassword the new password; wiped before returning
     * @throws VaultException.WrongPassword if {@code oldPassword} is wrong; nothing is written
     * @throws IllegalStateException if the vault is linked to a sync account
     */
    public void changePassword(char[] oldPassword, char[] newPassword) {
        try {
            synchronized (vault) {
                vault.requireOpen();
                if (StorageErrors.guard(store().sync()::link).isPresent()) {
                    throw new IllegalStateException("this vault is linked to a sync account: change its password "
                            + "through the sync client, which changes it on the account too");
                }
                SecretBytes newAccountKey = AccountKeys.changePassword(store(), oldPassword, newPassword);
                Keyring keyring = vault.keyringIfUnlocked();
                if (keyring != null) {
                    keyring.replaceAccountKey(newAccountKey);
                } else {
                    newAccountKey.destroy();
                }
            }
        } catch (VaultStoreException e) {
            throw StorageErrors.translate(e);
        } finally {
            Arrays.fill(oldPassword, '\0');
            Arrays.fill(newPassword, '\0');
        }
    }

    /**
     * Rotates the vault key: makes a new key version (new writes use it at once), re-wraps every record's
     * data key under it in batches (only the key slot of each envelope changes), then deletes the old key.
     * Every batch is its own transaction and the rotation's state is on disk, so a crash at any point
     * leaves every record readable, and the next call (or the next unlock) finishes the rotation instead of
     * starting another. A record that cannot be opened keeps the old key (and so the old key is kept) until
     * it is deleted or rewritten.
     *
     * @return the vault-key version now current
     */
    public int rotateVaultKey() {
        synchronized (vault) {
            Keyring keyring = vault.keyring();
            return StorageErrors.guard(() -> new KeyRotation(store(), keyring, vault.index()).rotate());
        }
    }

    /** The sync account this folder is linked to, if any (readable while locked). */
    public Optional<SyncLink> syncLink() {
        synchronized (vault) {
            vault.requireOpen();
            return StorageErrors.guard(store().sync()::link);
        }
    }

    /**
     * Derives this vault's account secrets (K_user and what it came from) for the sync client: to sign up,
     * log in or attach. Costs one key derivation; checks the password against the cached share.
     *
     * @param password the master password; wiped before returning
     * @throws VaultException.WrongPassword if the password is wrong
     */
    public AccountSecrets secrets(char[] password) {
        try {
            synchronized (vault) {
                AccountRow account = vault.accountRow();
                SecretBytes userKey = AccountKeys.userKey(account, password);
                try {
                    AccountKeys.openShare(account, userKey).destroy();
                    return AccountSecrets.of(userKey, account);
                } catch (RuntimeException e) {
                    userKey.destroy();
                    throw e;
                }
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Attaches this vault to a sync account whose key service released {@code share}: K_acct becomes
     * HKDF(K_user || share), every vault key is re-wrapped under it and the share is cached under K_local,
     * in one transaction; no record is re-encrypted. Then stores {@code link}. Must be unlocked.
     */
    public void attach(AccountSecrets secrets, SecretBytes share, SyncLink link) {
        synchronized (vault) {
            Keyring keyring = vault.keyring();
            SecretBytes newAccountKey = StorageErrors.guard(() -> AccountKeys.attach(store(), secrets.userKey(),
                    share));
            keyring.replaceAccountKey(newAccountKey);
            StorageErrors.guardRun(() -> store().sync().putLink(link));
            LOG.info("Attached the vault to a sync account");
        }
    }

    /**
     * Whether {@code share} (released by the key service) is the share this vault has cached: a different
     * one means the service is not the one this vault was attached to, or it lies.
     */
    public boolean holdsShare(AccountSecrets secrets, SecretBytes share) {
        synchronized (vault) {
            try (SecretBytes cached = AccountKeys.openShare(vault.accountRow(), secrets.userKey())) {
                return cached.equals(share);
            }
        }
    }

    /** The account's Argon2id salt, which is also its SRP salt (readable while locked). */
    public byte[] salt() {
        synchronized (vault) {
            return vault.accountRow().kdfSalt();
        }
    }

    /**
     * Prepares a master-password change for the sync client (see {@link PasswordChange}): checks the current
     * password against this vault (opening S and every vault key), and derives the new K_user with the same
     * Secret Key. Writes nothing. Works locked or unlocked.
     *
     * @param currentPassword the password this vault opens with; wiped before returning
     * @param newPassword     the new password; wiped before returning
     * @param newSalt         the salt for the new password, or null for a fresh random one
     * @param params          the KDF parameters for the new password, or null for the defaults
     * @throws VaultException.WrongPassword if {@code currentPassword} does not open this vault
     */
    public PasswordChange beginPasswordChange(char[] currentPassword, char[] newPassword, byte[] newSalt,
                                              KdfParams params) {
        try {
            synchronized (vault) {
                return preparePasswordChange(currentPassword, newPassword,
                        newSalt != null ? newSalt : KeyHierarchy.newSalt(), params != null ? params : KdfParams.DEFAULT);
            }
        } finally {
            Arrays.fill(currentPassword, '\0');
            Arrays.fill(newPassword, '\0');
        }
    }

    private PasswordChange preparePasswordChange(char[] currentPassword, char[] newPassword, byte[] newSalt,
                                                 KdfParams params) {
        AccountRow account = vault.accountRow();
        SecretBytes userKey = AccountKeys.userKey(account, currentPassword);
        Keyring keys = null;
        try {
            keys = StorageErrors.guard(() -> AccountKeys.openKeyring(store(), account, userKey));
            AccountSecrets current = AccountSecrets.of(userKey, account);
            AccountSecrets next = PasswordChange.secretsFor(account, newPassword, newSalt, params);
            Keyring opened = keys;
            return new PasswordChange(this, account, current, next, opened,
                    StorageErrors.guard(() -> store().wrappedVaultKeys(opened.vaultId())));
        } catch (RuntimeException e) {
            if (keys != null) {
                keys.destroy();
            }
            userKey.destroy();
            throw e;
        }
    }

    /** Writes a prepared password change (called by {@link PasswordChange#commit}). */
    void commitPasswordChange(AccountRow account, AccountSecrets next, SecretBytes share, UUID vaultId,
                              Map<Integer, byte[]> wraps) {
        synchronized (vault) {
            vault.requireOpen();
            AccountRow updated = PasswordChange.updatedRow(account, next, share);
            StorageErrors.guardRun(() -> store().replaceCredentials(account.kdfSalt(), updated, vaultId, wraps));
            Keyring keyring = vault.keyringIfUnlocked();
            if (keyring != null) {
                keyring.replaceAccountKey(KeyHierarchy.accountKey(next.userKey(), share));
            }
            LOG.info("Changed the master password of a synced vault");
        }
    }

    /**
     * Account secrets for {@code password} with the account's salt and KDF parameters as the key service
     * now has them, and this vault's Secret Key (a device whose password was changed on another device).
     * This vault's own copy of the password side is not checked.
     *
     * @param password wiped before returning
     * @throws VaultException.WeakKdfParameters if the parameters are below the floor; nothing is derived
     */
    public AccountSecrets secretsFor(char[] password, byte[] salt, KdfParams params) {
        try {
            synchronized (vault) {
                return PasswordChange.secretsFor(vault.accountRow(), password, salt, params);
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Takes over a password change made on another device: {@code served} (the vault keys as the blob
     * service holds them) must hold every key version of this vault at an account-key epoch newer than this
     * device's, and each must open under HKDF(new K_user ‖ share). Then the new salt, S under the new
     * K_local and the served wraps replace this device's in one transaction (records and outbox untouched),
     * and the vault is unlocked with the new password.
     *
     * @throws VaultException.Tampered if a served key is missing, not newer, or does not open; nothing is written
     */
    public void adoptPasswordChange(AccountSecrets next, SecretBytes share, Map<Integer, byte[]> served) {
        synchronized (vault) {
            AccountRow account = vault.accountRow();
            UUID vaultId = StorageErrors.guard(store()::primaryVaultId);
            Map<Integer, byte[]> adopted = servedNewerWraps(vaultId, served);
            try (SecretBytes accountKey = KeyHierarchy.accountKey(next.userKey(), share)) {
                for (Map.Entry<Integer, byte[]> wrap : adopted.entrySet()) {
                    VaultKeyWrap.unwrap(accountKey, wrap.getValue(), vaultId, wrap.getKey()).destroy();
                }
            }
            AccountRow updated = PasswordChange.updatedRow(account, next, share);
            StorageErrors.guardRun(() -> store().replaceCredentials(account.kdfSalt(), updated, vaultId, adopted));
            vault.unlockWithUserKey(next.userKey());
            LOG.info("Took over a master-password change made on another device");
        }
    }

    /** The served wrap of every version this device holds, refused unless they move to a newer epoch. */
    private Map<Integer, byte[]> servedNewerWraps(UUID vaultId, Map<Integer, byte[]> served) {
        Map<Integer, byte[]> local = StorageErrors.guard(() -> store().wrappedVaultKeys(vaultId));
        Map<Integer, byte[]> adopted = new TreeMap<>();
        for (Integer version : local.keySet()) {
            byte[] wrap = served.get(version);
            if (wrap == null) {
                throw new VaultException.Tampered();
            }
            adopted.put(version, wrap);
        }
        if (VaultKeyWraps.maxEpoch(adopted) <= VaultKeyWraps.maxEpoch(local)) {
            throw new VaultException.Tampered();
        }
        return adopted;
    }

    /** Every wrapped key of this vault by version, for upload to the blob service (they are opaque). */
    public Map<Integer, byte[]> wrappedVaultKeys() {
        synchronized (vault) {
            vault.requireOpen();
            return StorageErrors.guard(() -> store().wrappedVaultKeys(store().primaryVaultId()));
        }
    }

    /**
     * Adds the wrapped vault keys, from the sync server, of versions this vault does not hold: another
     * device rotated the vault key (or this one deleted an old key the server's records still use). Each
     * must open under K_acct with its own context (vault id, version); the newest version becomes the one
     * new envelopes use when it is newer than the current one. One transaction; versions already held are
     * left alone.
     *
     * @return the versions added (empty when nothing was new)
     * @throws VaultException.Tampered if one does not open (swapped, foreign or damaged); nothing is written
     */
    public Set<Integer> addWrappedVaultKeys(Map<Integer, byte[]> served) {
        synchronized (vault) {
            Keyring keyring = vault.keyring();
            UUID vaultId = keyring.vaultId();
            Set<Integer> held = new HashSet<>(keyring.versions());
            held.addAll(StorageErrors.guard(() -> store().wrappedVaultKeys(vaultId)).keySet());
            TreeMap<Integer, byte[]> added = new TreeMap<>();
            Map<Integer, SecretBytes> opened = new TreeMap<>();
            int newest;
            try {
                for (Map.Entry<Integer, byte[]> key : served.entrySet()) {
                    if (held.contains(key.getKey())) {
                        continue;
                    }
                    if (key.getKey() < 1) {
                        throw new VaultException.Tampered();
                    }
                    opened.put(key.getKey(), VaultKeyWrap.unwrap(keyring.accountKey(), key.getValue(), vaultId,
                            key.getKey()));
                    added.put(key.getKey(), key.getValue().clone());
                }
                if (added.isEmpty()) {
                    return Set.of();
                }
                newest = Math.max(keyring.currentVersion(), added.lastKey());
                int current = newest;
                StorageErrors.guardRun(() -> store().addVaultKeys(vaultId, added, current));
            } catch (RuntimeException e) {
                opened.values().forEach(SecretBytes::destroy);
                throw e;
            }
            opened.forEach(keyring::add);
            keyring.makeCurrent(newest);
            LOG.info("Added vault key version(s) {} from the sync server; current version {}", added.keySet(),
                    newest);
            return Set.copyOf(added.keySet());
        }
    }

    /** The key material of {@code secrets} as the key code takes it, for {@link Vault#join}. */
    static UserKeyMaterial material(AccountSecrets secrets) {
        return new UserKeyMaterial(secrets.userKey(), secrets.salt(), secrets.kdfParams(), secrets.secretKeyBytes());
    }

    private VaultStore store() {
        return vault.store();
    }

    @Override
    public String toString() {
        return "VaultAccount[" + vault.directory() + "]";
    }
}
