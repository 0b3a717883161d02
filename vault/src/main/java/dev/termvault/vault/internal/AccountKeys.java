package dev.termvault.vault.internal;

import dev.termvault.vault.KdfParams;
import dev.termvault.vault.ServiceShareSource;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultKeyWraps;
import dev.termvault.vault.internal.crypto.KeyHierarchy;
import dev.termvault.vault.internal.crypto.KeyWrap;
import dev.termvault.vault.internal.crypto.SecretKey;
import dev.termvault.vault.internal.store.AccountRow;
import dev.termvault.vault.internal.store.VaultStore;
import dev.termvault.vault.secret.SecretAccess;
import dev.termvault.vault.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The account side of the key hierarchy (docs/security/key-hierarchy.md): creating an account's keys,
 * turning a password into K_user, opening the service share and the vault keys, and re-wrapping them
 * under a new password.
 */
public final class AccountKeys {

    /** The key hierarchy version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The version of a new vault's first key. */
    public static final int FIRST_KEY_VERSION = 1;

    /** A new account's keys and its Secret Key in Emergency Kit form. */
    public record Created(Keyring keyring, String secretKey) {
        @Override
        public String toString() {
            return "Created[" + keyring + "]";
        }
    }

    private AccountKeys() {
    }

    /** Makes and stores a new account, its device, its vault and the vault's first key; one transaction. */
    public static Created create(VaultStore store, char[] password, ServiceShareSource shares) {
        byte[] accountId = uuidBytes(UUID.randomUUID());
        byte[] salt = KeyHierarchy.newSalt();
        KdfParams params = KdfParams.DEFAULT;
        UUID vaultId = UUID.randomUUID();
        try (SecretKey secretKey = SecretKey.generate();
             SecretBytes userKey = KeyHierarchy.userKey(password, secretKey, salt, params);
             SecretBytes localKey = KeyHierarchy.localKey(userKey);
             SecretBytes share = shares.newShare();
             SecretBytes rawSecretKey = secretKey.toSecretBytes()) {
            byte[] wrappedShare = KeyWrap.wrap(localKey, share, Contexts.serviceShare(accountId));
            Keyring keyring = new Keyring(vaultId, KeyHierarchy.accountKey(userKey, share), FIRST_KEY_VERSION);
            byte[] raw = rawSecretKey.reveal(SecretAccess.insecure());
            try {
                SecretBytes vaultKey = KeyHierarchy.newVaultKey();
                keyring.add(FIRST_KEY_VERSION, vaultKey);
                byte[] wrappedKey = KeyWrap.wrap(keyring.accountKey(), vaultKey,
                        Contexts.vaultKey(vaultId, FIRST_KEY_VERSION));
                AccountRow row = new AccountRow(accountId, FORMAT_VERSION, salt, params.memoryKiB(),
                        params.iterations(), params.parallelism(), raw, wrappedShare, shares.kind());
                StorageErrors.guardRun(() -> store.createAccount(row, UUID.randomUUID(), vaultId, FIRST_KEY_VERSION,
                        wrappedKey));
                return new Created(keyring, secretKey.toEmergencyKitFormat());
            } catch (RuntimeException e) {
                keyring.destroy();
                throw e;
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        }
    }

    /**
     * K_user from the password and the stored account row. The stored KDF parameters are checked against
     * the floor (and ceiling) before anything is derived.
     *
     * @throws VaultException.WeakKdfParameters if the stored parameters are below the floor
     * @throws VaultException.UnsupportedFormatVersion if the account uses an unknown key hierarchy
     */
    public static SecretBytes userKey(AccountRow account, char[] password) {
        if (account.formatVersion() != FORMAT_VERSION) {
            throw new VaultException.UnsupportedFormatVersion("key hierarchy version " + account.formatVersion());
        }
        KdfParams params = new KdfParams(account.kdfMemoryKib(), account.kdfIterations(), account.kdfParallelism())
                .requireAcceptable();
        if (account.kdfSalt() == null || account.kdfSalt().length != KeyHierarchy.SALT_LENGTH
                || account.secretKey() == null || account.secretKey().length != SecretKey.LENGTH) {
            throw new VaultException.Tampered();
        }
        try (SecretKey secretKey = SecretKey.fromBytes(account.secretKey())) {
            return KeyHierarchy.userKey(password, secretKey, account.kdfSalt(), params);
        }
    }

    /**
     * Opens the service share with K_local (a failure means a wrong password), derives K_acct and unwraps
     * every key of the primary vault. Reads only.
     *
     * @throws VaultException.WrongPassword if the share does not open under this K_user
     * @throws VaultException.Tampered if a vault key does not open under K_acct
     */
    public static Keyring openKeyring(VaultStore store, AccountRow account, SecretBytes userKey) {
        SecretBytes accountKey;
        try (SecretBytes share = openShare(account, userKey)) {
            accountKey = KeyHierarchy.accountKey(userKey, share);
        }
        UUID vaultId = store.primaryVaultId();
        Keyring keyring = new Keyring(vaultId, accountKey, store.currentKeyVersion(vaultId));
        try {
            for (Map.Entry<Integer, byte[]> wrapped : store.wrappedVaultKeys(vaultId).entrySet()) {
                keyring.add(wrapped.getKey(), VaultKeyWrap.unwrap(accountKey, wrapped.getValue(), vaultId,
                        wrapped.getKey()));
            }
            keyring.currentKey();
            return keyring;
        } catch (RuntimeException e) {
            keyring.destroy();
            throw e;
        }
    }

    /**
     * Re-derives everything from the old password, then re-wraps S and every vault key under keys derived
     * from the new password with a new salt (and the default KDF parameters); one transaction.
     *
     * @return the new K_acct (the caller owns it)
     * @throws VaultException.WrongPassword if {@code oldPassword} is wrong; nothing is written
     */
    public static SecretBytes changePassword(VaultStore store, char[] oldPassword, char[] newPassword) {
        AccountRow account = store.account().orElseThrow(() -> new VaultException.NotAVault("this folder"));
        byte[] newSalt = KeyHierarchy.newSalt();
        KdfParams params = KdfParams.DEFAULT;
        try (SecretBytes oldUserKey = userKey(account, oldPassword);
             SecretBytes share = openShare(account, oldUserKey);
             Keyring old = openKeyring(store, account, oldUserKey);
             SecretKey secretKey = SecretKey.fromBytes(account.secretKey());
             SecretBytes newUserKey = KeyHierarchy.userKey(newPassword, secretKey, newSalt, params);
             SecretBytes newLocalKey = KeyHierarchy.localKey(newUserKey)) {
            byte[] wrappedShare = KeyWrap.wrap(newLocalKey, share, Contexts.serviceShare(account.accountId()));
            SecretBytes newAccountKey = KeyHierarchy.accountKey(newUserKey, share);
            try {
                Map<Integer, byte[]> stored = store.wrappedVaultKeys(old.vaultId());
                Map<Integer, byte[]> rewrapped = new TreeMap<>();
                for (int version : old.versions()) {
                    rewrapped.put(version, VaultKeyWrap.wrap(newAccountKey, old.vaultKey(version).orElseThrow(),
                            old.vaultId(), version, VaultKeyWraps.epoch(stored.get(version))));
                }
                AccountRow updated = new AccountRow(account.accountId(), FORMAT_VERSION, newSalt, params.memoryKiB(),
                        params.iterations(), params.parallelism(), account.secretKey(), wrappedShare,
                        account.shareSource());
                store.replaceCredentials(account.kdfSalt(), updated, old.vaultId(), rewrapped);
                return newAccountKey;
            } catch (RuntimeException e) {
                newAccountKey.destroy();
                throw e;
            }
        }
    }

    /**
     * Re-keys the account onto a service share from the key service: S cached under K_local, K_acct from
     * K_user || S, every vault key re-wrapped; one transaction, no envelope touched.
     *
     * @return the new K_acct (the caller owns it)
     */
    public static SecretBytes attach(VaultStore store, SecretBytes userKey, SecretBytes share) {
        AccountRow account = store.account().orElseThrow(() -> new VaultException.NotAVault("this folder"));
        try (SecretBytes localKey = KeyHierarchy.localKey(userKey);
             Keyring old = openKeyring(store, account, userKey)) {
            byte[] wrappedShare = KeyWrap.wrap(localKey, share, Contexts.serviceShare(account.accountId()));
            SecretBytes newAccountKey = KeyHierarchy.accountKey(userKey, share);
            try {
                Map<Integer, byte[]> rewrapped = new TreeMap<>();
                for (int version : old.versions()) {
                    rewrapped.put(version, KeyWrap.wrap(newAccountKey, old.vaultKey(version).orElseThrow(),
                            Contexts.vaultKey(old.vaultId(), version)));
                }
                AccountRow updated = new AccountRow(account.accountId(), FORMAT_VERSION, account.kdfSalt(),
                        account.kdfMemoryKib(), account.kdfIterations(), account.kdfParallelism(),
                        account.secretKey(), wrappedShare, "service");
                store.replaceCredentials(account.kdfSalt(), updated, old.vaultId(), rewrapped);
                return newAccountKey;
            } catch (RuntimeException e) {
                newAccountKey.destroy();
                throw e;
            }
        }
    }

    /**
     * Writes a joined account (see {@link Vault#join}) after checking that every wrapped vault key opens
     * under K_acct with its own context.
     *
     * @throws VaultException.Tampered if a wrapped key does not open (swapped, foreign or damaged)
     */
    public static Keyring join(VaultStore store, UserKeyMaterial secrets, SecretBytes share, UUID vaultId,
                               Map<Integer, byte[]> wrappedKeys, dev.termvault.vault.sync.SyncLink link,
                               UUID deviceId) {
        if (wrappedKeys.isEmpty()) {
            throw new VaultException.Tampered();
        }
        byte[] accountId = uuidBytes(UUID.randomUUID());
        SecretBytes userKey = secrets.userKey();
        int current = java.util.Collections.max(wrappedKeys.keySet());
        Keyring keyring = new Keyring(vaultId, KeyHierarchy.accountKey(userKey, share), current);
        try (SecretBytes localKey = KeyHierarchy.localKey(userKey)) {
            for (Map.Entry<Integer, byte[]> wrapped : wrappedKeys.entrySet()) {
                keyring.add(wrapped.getKey(), VaultKeyWrap.unwrap(keyring.accountKey(), wrapped.getValue(), vaultId,
                        wrapped.getKey()));
            }
            byte[] wrappedShare = KeyWrap.wrap(localKey, share, Contexts.serviceShare(accountId));
            KdfParams params = secrets.params();
            AccountRow row = new AccountRow(accountId, FORMAT_VERSION, secrets.salt(), params.memoryKiB(),
                    params.iterations(), params.parallelism(), secrets.secretKey(), wrappedShare, "service");
            store.createJoinedAccount(row, deviceId, vaultId, current, new TreeMap<>(wrappedKeys), link);
            return keyring;
        } catch (RuntimeException e) {
            keyring.destroy();
            throw e;
        }
    }

    public static SecretBytes openShare(AccountRow account, SecretBytes userKey) {
        try (SecretBytes localKey = KeyHierarchy.localKey(userKey)) {
            return KeyWrap.tryUnwrap(localKey, account.wrappedShare(), Contexts.serviceShare(account.accountId()))
                    .orElseThrow(VaultException.WrongPassword::new);
        }
    }

    private static byte[] uuidBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }
}
