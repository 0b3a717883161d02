package dev.termvault.vault;

import dev.termvault.vault.crypto.SecretBytes;
import dev.termvault.vault.model.Item;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.store.AccountRow;
import dev.termvault.vault.store.RecordRow;
import dev.termvault.vault.store.StoreException;
import dev.termvault.vault.store.SyncLink;
import dev.termvault.vault.store.VaultStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A vault folder: the encrypted local cache of one account's records, and the only way to read or write
 * them. Open it ({@link #open}) locked, then {@link #unlock} with the master password; while unlocked every
 * live record is held decrypted in memory (reads are served from there), and every write is sealed in a
 * fresh envelope and committed to disk before the call returns. {@link #lock} wipes every key and drops
 * every decrypted record.
 *
 * <p>Errors are the {@link VaultException} family, with messages safe to show a person: {@code WrongPassword},
 * {@code Tampered} (one record; the others stay readable), {@code Locked} (a data call while locked),
 * {@code UnsupportedFormatVersion}, {@code WeakKdfParameters}, {@code NotFound}, {@code NotAVault},
 * {@code AlreadyExists}, {@code StorageFailed}.
 *
 * <p>Passwords: every method taking a {@code char[]} password wipes it (fills it with zeros) before it
 * returns, whether it succeeds or throws. Copy it first if you still need it.
 *
 * <p>Thread-safe: every method is synchronized on the vault. One process should open a folder at a
 * time; a second process is safe (SQLite locking, revision checks) but does not see the first one's
 * writes until it unlocks again.
 */
public final class Vault implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Vault.class);

    private final Path dir;
    private final VaultStore store;
    private Keyring keyring;
    private RecordIndex index;
    private UnlockStats lastUnlock;
    private boolean closed;

    private Vault(Path dir, VaultStore store) {
        this.dir = dir;
        this.store = store;
    }

    /**
     * Creates a new local-only vault in {@code dir} (made if missing) with the default KDF parameters, a new
     * Secret Key and a locally made service share. Costs one key derivation.
     *
     * @param password the master password; wiped before returning
     * @return the vault, unlocked and empty, and its Secret Key for the Emergency Kit
     * @throws VaultException.AlreadyExists if {@code dir} already holds a vault
     */
    public static CreatedVault createLocal(Path dir, char[] password) {
        return create(dir, password, ServiceShareSource.local());
    }

    /**
     * Creates a new vault whose service share comes from {@code shares}. See {@link #createLocal}.
     */
    public static CreatedVault create(Path dir, char[] password, ServiceShareSource shares) {
        try {
            VaultStore store = StorageErrors.guard(() -> VaultStore.open(dir, true));
            try {
                if (StorageErrors.guard(store::account).isPresent()) {
                    throw new VaultException.AlreadyExists(dir.toString());
                }
                Vault vault = new Vault(dir, store);
                String secretKey = vault.initialize(password, shares);
                return new CreatedVault(vault, secretKey);
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Opens the vault in {@code dir}, locked, bringing its storage format up to date (nothing is written
     * when it is current). Costs no key derivation.
     *
     * @throws VaultException.NotAVault if {@code dir} holds no vault
     * @throws VaultException.UnsupportedFormatVersion if a newer Termvault wrote it
     */
    public static Vault open(Path dir) {
        if (!VaultStore.exists(dir)) {
            throw new VaultException.NotAVault(dir.toString());
        }
        VaultStore store = StorageErrors.guard(() -> VaultStore.open(dir, false));
        try {
            if (StorageErrors.guard(store::account).isEmpty()) {
                throw new VaultException.NotAVault(dir.toString());
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new Vault(dir, store);
    }

    /** Whether {@code dir} holds a vault file (without opening it). */
    public static boolean exists(Path dir) {
        return VaultStore.exists(dir);
    }

    /**
     * Unlocks: checks the stored KDF parameters against the floor BEFORE deriving anything, derives the keys
     * from the password and the device's Secret Key, opens the service share and the vault keys, then
     * decrypts every record into memory. A record that fails to open is left out and named by
     * {@link #unreadable()}. A key rotation left half done by a crash is completed here.
     *
     * @param password the master password; wiped before returning
     * @throws VaultException.WrongPassword if the password is wrong; nothing is written to disk
     * @throws VaultException.WeakKdfParameters if the stored parameters are below the floor; nothing derived
     * @throws VaultException.Tampered if the account's wrapped vault keys were changed
     */
    public synchronized void unlock(char[] password) {
        try {
            requireOpen();
            AccountRow account = StorageErrors.guard(() -> store.account()).orElseThrow(
                    () -> new VaultException.NotAVault(dir.toString()));
            long start = System.nanoTime();
            try (SecretBytes userKey = AccountKeys.userKey(account, password)) {
                long derived = System.nanoTime();
                unlockWith(account, userKey, derived - start);
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Wipes every key and drops every decrypted record. Idempotent. */
    public synchronized void lock() {
        if (keyring != null) {
            keyring.destroy();
            keyring = null;
        }
        if (index != null) {
            index.clear();
            index = null;
        }
    }

    /** Whether the vault is unlocked. */
    public synchronized boolean isUnlocked() {
        return keyring != null;
    }

    /**
     * Stores a new record.
     *
     * @return the record with its new id, at revision 1
     * @throws VaultException.Locked if locked
     */
    public synchronized VaultRecord put(Item item) {
        return putAll(List.of(item)).get(0);
    }

    /**
     * Stores new records in one transaction (all or none): for imports.
     *
     * @return the records in the order given, each with its new id, at revision 1
     */
    public synchronized List<VaultRecord> putAll(List<? extends Item> items) {
        requireUnlocked();
        List<VaultRecord> records = new ArrayList<>(items.size());
        List<RecordRow> rows = new ArrayList<>(items.size());
        for (Item item : items) {
            VaultRecord record = new VaultRecord(UUID.randomUUID().toString(), 1, item);
            rows.add(seal(record));
            records.add(record);
        }
        StorageErrors.guardRun(() -> store.write(keyring.vaultId(), rows));
        records.forEach(index::put);
        return records;
    }

    /**
     * Stores a new revision of an existing record (a record that failed to open may be overwritten).
     *
     * @return the record at its new revision
     * @throws VaultException.NotFound if no live record has this id
     */
    public synchronized VaultRecord put(String recordId, Item item) {
        requireUnlocked();
        RecordRow current = liveRow(recordId);
        VaultRecord record = new VaultRecord(current.recordId().toString(), current.revision() + 1, item);
        RecordRow row = seal(record);
        StorageErrors.guardRun(() -> store.write(keyring.vaultId(), List.of(row)));
        index.put(record);
        return record;
    }

    /**
     * The record with this id.
     *
     * @return empty when there is no such live record (never written, or deleted)
     * @throws VaultException.Tampered if that record failed to open; other records are unaffected
     */
    public synchronized Optional<VaultRecord> get(String recordId) {
        requireUnlocked();
        return index.get(recordId);
    }

    /**
     * Deletes a record: its envelope is removed and a tombstone (a new revision with no content) is kept
     * for sync. A record that failed to open may be deleted too.
     *
     * @throws VaultException.NotFound if no live record has this id
     */
    public synchronized void delete(String recordId) {
        requireUnlocked();
        RecordRow current = liveRow(recordId);
        StorageErrors.guardRun(() -> store.write(keyring.vaultId(), List.of(RecordRow.tombstone(current.recordId(),
                current.revision() + 1))));
        index.remove(current.recordId());
    }

    /** Every readable live record, sorted by display name (case-insensitive), then id. */
    public synchronized List<VaultRecord> list() {
        requireUnlocked();
        return index.list(null);
    }

    /** Every readable live record of one type, sorted as {@link #list()}. */
    public synchronized List<VaultRecord> list(ItemType type) {
        requireUnlocked();
        return index.list(type);
    }

    /**
     * The readable records matching {@code query}: every whitespace-separated word of the query must occur,
     * case-insensitively, in some field of the record (any text or number field, nested ones included;
     * the record type is not a field). A blank query matches every record. Sorted as {@link #list()}.
     */
    public synchronized List<VaultRecord> search(String query) {
        requireUnlocked();
        return index.search(query);
    }

    /** Ids of the live records that failed to open (damaged or tampered), for the UI to flag. */
    public synchronized List<String> unreadable() {
        requireUnlocked();
        return index.unreadable();
    }

    /**
     * Changes the master password: a new salt and K_user, the service share and every vault key re-wrapped,
     * in one transaction. No record envelope is rewritten. Works locked or unlocked (two key derivations).
     *
     * @param oldPassword the current password; wiped before returning
     * @param newPassword the new password; wiped before returning
     * @throws VaultException.WrongPassword if {@code oldPassword} is wrong; nothing is written
     */
    public synchronized void changePassword(char[] oldPassword, char[] newPassword) {
        try {
            requireOpen();
            if (StorageErrors.guard(store::syncLink).isPresent()) {
                throw new IllegalStateException("this vault is linked to a sync account: change its password "
                        + "through the sync client, which changes it on the account too");
            }
            SecretBytes newAccountKey = AccountKeys.changePassword(store, oldPassword, newPassword);
            if (keyring != null) {
                keyring.replaceAccountKey(newAccountKey);
            } else {
                newAccountKey.destroy();
            }
        } catch (StoreException e) {
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
    public synchronized int rotateVaultKey() {
        requireUnlocked();
        return StorageErrors.guard(() -> new KeyRotation(store, keyring, index).rotate());
    }

    // ---- accounts and sync ----------------------------------------------------------------------

    /**
     * Derives this vault's account secrets (K_user and what it came from) for the sync client: to sign up,
     * log in or attach. Costs one key derivation; checks the password against the cached share.
     *
     * @param password the master password; wiped before returning
     * @throws VaultException.WrongPassword if the password is wrong
     */
    public synchronized AccountSecrets accountSecrets(char[] password) {
        try {
            requireOpen();
            AccountRow account = StorageErrors.guard(() -> store.account()).orElseThrow(
                    () -> new VaultException.NotAVault(dir.toString()));
            SecretBytes userKey = AccountKeys.userKey(account, password);
            try {
                AccountKeys.openShare(account, userKey).destroy();
                return new AccountSecrets(userKey, account.kdfSalt(), new dev.termvault.vault.crypto.KdfParams(
                        account.kdfMemoryKib(), account.kdfIterations(), account.kdfParallelism()),
                        account.secretKey());
            } catch (RuntimeException e) {
                userKey.destroy();
                throw e;
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
    public synchronized void attachToAccount(AccountSecrets secrets, SecretBytes share, SyncLink link) {
        requireUnlocked();
        SecretBytes newAccountKey = StorageErrors.guard(() -> AccountKeys.attach(store, secrets.userKey(), share));
        keyring.replaceAccountKey(newAccountKey);
        StorageErrors.guardRun(() -> store.putSyncLink(link));
        LOG.info("Attached the vault to a sync account");
    }

    /**
     * Whether {@code share} (released by the key service) is the share this vault has cached: a different
     * one means the service is not the one this vault was attached to, or it lies.
     */
    public synchronized boolean holdsShare(AccountSecrets secrets, SecretBytes share) {
        requireOpen();
        AccountRow account = StorageErrors.guard(() -> store.account()).orElseThrow(
                () -> new VaultException.NotAVault(dir.toString()));
        try (SecretBytes cached = AccountKeys.openShare(account, secrets.userKey())) {
            return cached.equals(share);
        }
    }

    /**
     * Makes a vault in {@code dir} for an existing sync account (a second device): the account row from
     * {@code secrets}, {@code share} cached under K_local, and the server's wrapped vault keys, each of which
     * must open under K_acct (a swapped or foreign key is refused as Tampered and nothing is written).
     *
     * @param deviceId the id this device logged in with
     * @return the vault, unlocked and empty (the sync client then pulls its records)
     */
    public static Vault join(Path dir, AccountSecrets secrets, SecretBytes share, UUID vaultId,
                             java.util.Map<Integer, byte[]> wrappedKeys, SyncLink link, UUID deviceId) {
        VaultStore store = StorageErrors.guard(() -> VaultStore.open(dir, true));
        try {
            if (StorageErrors.guard(store::account).isPresent()) {
                throw new VaultException.AlreadyExists(dir.toString());
            }
            Vault vault = new Vault(dir, store);
            vault.keyring = StorageErrors.guard(() -> AccountKeys.join(store, secrets, share, vaultId, wrappedKeys, link, deviceId));
            vault.index = new RecordIndex();
            LOG.info("Joined a sync account in {}", dir);
            return vault;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    // ---- master-password change of a synced vault (docs/security/key-hierarchy.md) ------------------

    /** The account's Argon2id salt, which is also its SRP salt (readable while locked). */
    public synchronized byte[] accountSalt() {
        requireOpen();
        return StorageErrors.guard(() -> store.account()).orElseThrow(
                () -> new VaultException.NotAVault(dir.toString())).kdfSalt();
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
    public synchronized PasswordChange beginPasswordChange(char[] currentPassword, char[] newPassword, byte[] newSalt,
                                                           dev.termvault.vault.crypto.KdfParams params) {
        try {
            requireOpen();
            AccountRow account = StorageErrors.guard(() -> store.account()).orElseThrow(
                    () -> new VaultException.NotAVault(dir.toString()));
            SecretBytes userKey = AccountKeys.userKey(account, currentPassword);
            Keyring keys = null;
            AccountSecrets current = null;
            try {
                SecretBytes uk = userKey;
                keys = StorageErrors.guard(() -> AccountKeys.openKeyring(store, account, uk));
                current = new AccountSecrets(userKey, account.kdfSalt(), new dev.termvault.vault.crypto.KdfParams(
                        account.kdfMemoryKib(), account.kdfIterations(), account.kdfParallelism()), account.secretKey());
                AccountSecrets next = PasswordChange.secretsFor(account, newPassword,
                        newSalt != null ? newSalt : dev.termvault.vault.crypto.KeyHierarchy.newSalt(),
                        params != null ? params : dev.termvault.vault.crypto.KdfParams.DEFAULT);
                Keyring opened = keys;
                return new PasswordChange(this, account, current, next, opened,
                        StorageErrors.guard(() -> store.wrappedVaultKeys(opened.vaultId())));
            } catch (RuntimeException e) {
                if (keys != null) {
                    keys.destroy();
                }
                userKey.destroy();
                throw e;
            }
        } finally {
            Arrays.fill(currentPassword, '\0');
            Arrays.fill(newPassword, '\0');
        }
    }

    /** Writes a prepared password change (called by {@link PasswordChange#commit}). */
    synchronized void commitPasswordChange(AccountRow account, AccountSecrets next, SecretBytes share, UUID vaultId,
                                           java.util.Map<Integer, byte[]> wraps) {
        requireOpen();
        AccountRow updated = PasswordChange.updatedRow(account, next, share);
        StorageErrors.guardRun(() -> store.replaceCredentials(account.kdfSalt(), updated, vaultId, wraps));
        if (keyring != null) {
            keyring.replaceAccountKey(dev.termvault.vault.crypto.KeyHierarchy.accountKey(next.userKey(), share));
        }
        LOG.info("Changed the master password of a synced vault");
    }

    /**
     * Account secrets for {@code password} with the account's salt and KDF parameters as the key service
     * now has them, and this vault's Secret Key (a device whose password was changed on another device).
     * This vault's own copy of the password side is not checked.
     *
     * @param password wiped before returning
     * @throws VaultException.WeakKdfParameters if the parameters are below the floor; nothing is derived
     */
    public synchronized AccountSecrets secretsFor(char[] password, byte[] salt,
                                                  dev.termvault.vault.crypto.KdfParams params) {
        try {
            requireOpen();
            AccountRow account = StorageErrors.guard(() -> store.account()).orElseThrow(
                    () -> new VaultException.NotAVault(dir.toString()));
            return PasswordChange.secretsFor(account, password, salt, params);
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
    public synchronized void adoptPasswordChange(AccountSecrets next, SecretBytes share,
                                                 java.util.Map<Integer, byte[]> served) {
        requireOpen();
        AccountRow account = StorageErrors.guard(() -> store.account()).orElseThrow(
                () -> new VaultException.NotAVault(dir.toString()));
        UUID vaultId = StorageErrors.guard(store::primaryVaultId);
        java.util.Map<Integer, byte[]> local = StorageErrors.guard(() -> store.wrappedVaultKeys(vaultId));
        java.util.Map<Integer, byte[]> adopted = new java.util.TreeMap<>();
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
        try (SecretBytes accountKey = dev.termvault.vault.crypto.KeyHierarchy.accountKey(next.userKey(), share)) {
            for (java.util.Map.Entry<Integer, byte[]> wrap : adopted.entrySet()) {
                VaultKeyWraps.unwrap(accountKey, wrap.getValue(), vaultId, wrap.getKey()).destroy();
            }
        }
        AccountRow updated = PasswordChange.updatedRow(account, next, share);
        StorageErrors.guardRun(() -> store.replaceCredentials(account.kdfSalt(), updated, vaultId, adopted));
        AccountRow stored = StorageErrors.guard(() -> store.account()).orElseThrow();
        unlockWith(stored, next.userKey(), 0);
        LOG.info("Took over a master-password change made on another device");
    }

    /** The sync side of this vault, for the sync client. */
    public synchronized VaultSync sync() {
        requireOpen();
        return new VaultSync(this);
    }

    /** The sync account this folder is linked to, if any (readable while locked). */
    public synchronized Optional<SyncLink> syncLink() {
        requireOpen();
        return StorageErrors.guard(store::syncLink);
    }

    /** The id of this vault (bound into every envelope; readable while locked). */
    public synchronized UUID vaultId() {
        requireOpen();
        return StorageErrors.guard(store::primaryVaultId);
    }

    /** This installation's device id (readable while locked). */
    public synchronized UUID deviceId() {
        requireOpen();
        return StorageErrors.guard(store::deviceId);
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
    public synchronized java.util.Set<Integer> addWrappedVaultKeys(java.util.Map<Integer, byte[]> served) {
        requireUnlocked();
        UUID vaultId = keyring.vaultId();
        java.util.Set<Integer> held = new java.util.HashSet<>(keyring.versions());
        held.addAll(StorageErrors.guard(() -> store.wrappedVaultKeys(vaultId)).keySet());
        java.util.TreeMap<Integer, byte[]> added = new java.util.TreeMap<>();
        java.util.Map<Integer, SecretBytes> opened = new java.util.TreeMap<>();
        int newest;
        try {
            for (java.util.Map.Entry<Integer, byte[]> key : served.entrySet()) {
                if (held.contains(key.getKey())) {
                    continue;
                }
                if (key.getKey() < 1) {
                    throw new VaultException.Tampered();
                }
                opened.put(key.getKey(), VaultKeyWraps.unwrap(keyring.accountKey(), key.getValue(), vaultId,
                        key.getKey()));
                added.put(key.getKey(), key.getValue().clone());
            }
            if (added.isEmpty()) {
                return java.util.Set.of();
            }
            newest = Math.max(keyring.currentVersion(), added.lastKey());
            int current = newest;
            StorageErrors.guardRun(() -> store.addVaultKeys(vaultId, added, current));
        } catch (RuntimeException e) {
            opened.values().forEach(SecretBytes::destroy);
            throw e;
        }
        opened.forEach(keyring::add);
        keyring.makeCurrent(newest);
        LOG.info("Added vault key version(s) {} from the sync server; current version {}", added.keySet(), newest);
        return java.util.Set.copyOf(added.keySet());
    }

    /** Every wrapped key of this vault by version, for upload to the blob service (they are opaque). */
    public synchronized java.util.Map<Integer, byte[]> wrappedVaultKeys() {
        requireOpen();
        return StorageErrors.guard(() -> store.wrappedVaultKeys(store.primaryVaultId()));
    }

    /** The keyring, for {@link VaultSync}. */
    Keyring keyring() {
        requireUnlocked();
        return keyring;
    }

    /** The in-memory records, for {@link VaultSync}. */
    RecordIndex index() {
        requireUnlocked();
        return index;
    }

    /** How the last successful unlock spent its time; empty before the first. */
    public synchronized Optional<UnlockStats> lastUnlockStats() {
        return Optional.ofNullable(lastUnlock);
    }

    /** The vault folder. */
    public Path directory() {
        return dir;
    }

    /** Locks, then closes the database. Idempotent. */
    @Override
    public synchronized void close() {
        lock();
        if (!closed) {
            closed = true;
            StorageErrors.guardRun(store::close);
        }
    }

    @Override
    public String toString() {
        return "Vault[" + dir + (closed ? ", closed" : keyring != null ? ", unlocked" : ", locked") + "]";
    }

    // ---- package-private seams ------------------------------------------------------------------

    /** The store, for tests in this package. */
    VaultStore store() {
        return store;
    }

    /**
     * Unlocks with an already derived K_user (skipping Argon2id). Only for tests in this package that
     * must unlock many times (the crash test); not part of the API.
     */
    synchronized void unlockWithUserKey(SecretBytes userKey) {
        requireOpen();
        AccountRow account = StorageErrors.guard(() -> store.account()).orElseThrow(
                () -> new VaultException.NotAVault(dir.toString()));
        unlockWith(account, userKey, 0);
    }

    /** Starts or resumes a rotation that stops after {@code batches} batches, as a crash would. */
    synchronized int rotateVaultKeyStoppingAfter(int batchSize, int batches) {
        requireUnlocked();
        return StorageErrors.guard(() -> new KeyRotation(store, keyring, index, batchSize, batches).rotate());
    }

    // ---- internals ------------------------------------------------------------------------------

    private String initialize(char[] password, ServiceShareSource shares) {
        AccountKeys.Created created = AccountKeys.create(store, password, shares);
        keyring = created.keyring();
        index = new RecordIndex();
        LOG.info("Created a vault in {}", dir);
        return created.secretKey();
    }

    private void unlockWith(AccountRow account, SecretBytes userKey, long kdfNanos) {
        long start = System.nanoTime();
        Keyring opened = StorageErrors.guard(() -> AccountKeys.openKeyring(store, account, userKey));
        RecordIndex loaded;
        try {
            loaded = StorageErrors.guard(() -> RecordLoader.load(store.liveRecords(opened.vaultId()), opened));
        } catch (RuntimeException e) {
            opened.destroy();
            throw e;
        }
        lock();
        keyring = opened;
        index = loaded;
        lastUnlock = new UnlockStats(Duration.ofNanos(kdfNanos),
                Duration.ofNanos(System.nanoTime() - start), loaded.size(), loaded.unreadable().size());
        if (!loaded.unreadable().isEmpty()) {
            LOG.warn("{} record(s) failed to open: {}", loaded.unreadable().size(), loaded.unreadable());
        }
        if (StorageErrors.guard(() -> store.rotation(opened.vaultId())).isPresent()) {
            LOG.info("Finishing an interrupted vault-key rotation");
            StorageErrors.guard(() -> new KeyRotation(store, keyring, index).rotate());
        }
    }

    private RecordRow seal(VaultRecord record) {
        return RecordSealer.seal(keyring, record);
    }

    private RecordRow liveRow(String recordId) {
        UUID id = RecordIndex.parseId(recordId).orElseThrow(() -> new VaultException.NotFound("record " + recordId));
        RecordRow row = StorageErrors.guard(() -> store.record(keyring.vaultId(), id)).orElse(null);
        if (row == null || row.deleted()) {
            throw new VaultException.NotFound("record " + recordId);
        }
        return row;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the vault is closed");
        }
    }

    private void requireUnlocked() {
        requireOpen();
        if (keyring == null) {
            throw new VaultException.Locked();
        }
    }
}
