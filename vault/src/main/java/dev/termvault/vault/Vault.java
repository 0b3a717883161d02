package dev.termvault.vault;

import dev.termvault.vault.internal.AccountKeys;
import dev.termvault.vault.internal.KeyRotation;
import dev.termvault.vault.internal.Keyring;
import dev.termvault.vault.internal.RecordIndex;
import dev.termvault.vault.internal.RecordLoader;
import dev.termvault.vault.internal.RecordSealer;
import dev.termvault.vault.internal.StorageErrors;
import dev.termvault.vault.internal.store.AccountRow;
import dev.termvault.vault.internal.store.RecordRow;
import dev.termvault.vault.internal.store.VaultStore;
import dev.termvault.vault.model.Item;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.secret.SecretBytes;
import dev.termvault.vault.sync.SyncLink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A vault folder: the encrypted local cache of one account's records, and the only way to read or write
 * them. Open it ({@link #open}) locked, then {@link #unlock} with the master password; while unlocked every
 * live record is held decrypted in memory (reads are served from there), and every write is sealed in a
 * fresh envelope and committed to disk before the call returns. {@link #lock} wipes every key and drops
 * every decrypted record. Records are {@link #add added} (a new id) or {@link #update updated} (an
 * existing id). The password, the vault keys and the sync-account link are the {@link #account() account}
 * facet's; the sync client's side is the {@link #sync() sync} facet.
 *
 * <p>Errors are the {@link VaultException} family, with messages safe to show a person: {@code WrongPassword},
 * {@code Tampered} (one record; the others stay readable), {@code Locked} (a data call while locked),
 * {@code UnsupportedFormatVersion}, {@code WeakKdfParameters}, {@code NotFound}, {@code NotAVault},
 * {@code AlreadyExists}, {@code StorageFailed}.
 *
 * <p>Passwords: every method taking a {@code char[]} password wipes it (fills it with zeros) before it
 * returns, whether it succeeds or throws. Copy it first if you still need it.
 *
 * <p>Thread-safe: every method is synchronized on the vault, and so are the facets' methods. One process should open a folder at a
 * time; a second process is safe (SQLite locking, revision checks) but does not see the first one's
 * writes until it unlocks again.
 */
public final class Vault implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Vault.class);

    private final Path dir;
    private final VaultStore store;
    private final List<FileModeRepair> fileModeRepairs;
    private Keyring keyring;
    private RecordIndex index;
    private UnlockStats lastUnlock;
    private boolean closed;

    private Vault(Path dir, VaultStore store) {
        this.dir = dir;
        this.store = store;
        this.fileModeRepairs = VaultFolder.notice(dir, store.fileModeRepairs());
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

    /** Files of the folder that other users could read when it was opened, now owner-only (a warning to show). */
    public List<FileModeRepair> fileModeRepairs() {
        return fileModeRepairs;
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
            AccountRow account = accountRow();
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
     * Stores a new record under a new id.
     *
     * @return the record with its new id, at revision 1
     * @throws VaultException.Locked if locked
     */
    public synchronized VaultRecord add(Item item) {
        return addAll(List.of(item)).get(0);
    }

    /**
     * Stores new records in one transaction (all or none), each under a new id: for imports.
     *
     * @return the records in the order given, each with its new id, at revision 1
     * @throws VaultException.Locked if locked
     */
    public synchronized List<VaultRecord> addAll(List<? extends Item> items) {
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
     * @throws VaultException.NotFound if no live record has this id (never written, or deleted)
     * @throws VaultException.Locked if locked
     */
    public synchronized VaultRecord update(String recordId, Item item) {
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
     * Makes a vault in {@code dir} for an existing sync account (a second device): the account row from
     * {@code secrets}, {@code share} cached under K_local, and the server's wrapped vault keys, each of which
     * must open under K_acct (a swapped or foreign key is refused as Tampered and nothing is written).
     *
     * @param deviceId the id this device logged in with
     * @return the vault, unlocked and empty (the sync client then pulls its records)
     */
    public static Vault join(Path dir, AccountSecrets secrets, SecretBytes share, UUID vaultId,
                             Map<Integer, byte[]> wrappedKeys, SyncLink link, UUID deviceId) {
        VaultStore store = StorageErrors.guard(() -> VaultStore.open(dir, true));
        try {
            if (StorageErrors.guard(store::account).isPresent()) {
                throw new VaultException.AlreadyExists(dir.toString());
            }
            Vault vault = new Vault(dir, store);
            vault.keyring = StorageErrors.guard(() -> AccountKeys.join(store, VaultAccount.material(secrets), share,
                    vaultId, wrappedKeys, link, deviceId));
            vault.index = new RecordIndex();
            LOG.info("Joined a sync account in {}", dir);
            return vault;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The account side of this vault: password, vault keys, sync-account link. */
    public VaultAccount account() {
        requireOpen();
        return new VaultAccount(this);
    }

    /** The sync side of this vault, for the sync client. */
    public synchronized VaultSync sync() {
        requireOpen();
        return new VaultSync(this);
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

    /** The keyring, for the facets; the vault must be unlocked. */
    Keyring keyring() {
        requireUnlocked();
        return keyring;
    }

    /** The keyring, or null while locked, for the facets. */
    Keyring keyringIfUnlocked() {
        requireOpen();
        return keyring;
    }

    /** The in-memory records, for the facets; the vault must be unlocked. */
    RecordIndex index() {
        requireUnlocked();
        return index;
    }

    /** The account row, for the facets. */
    AccountRow accountRow() {
        requireOpen();
        return StorageErrors.guard(() -> store.account()).orElseThrow(
                () -> new VaultException.NotAVault(dir.toString()));
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

    /** The store, for the facets and for tests in this package. */
    VaultStore store() {
        return store;
    }

    /**
     * Unlocks with an already derived K_user (skipping Argon2id): after the account facet took over a
     * password change, and for tests in this package that must unlock many times (the crash test).
     */
    synchronized void unlockWithUserKey(SecretBytes userKey) {
        unlockWith(accountRow(), userKey, 0);
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

    void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the vault is closed");
        }
    }

    void requireUnlocked() {
        requireOpen();
        if (keyring == null) {
            throw new VaultException.Locked();
        }
    }
}
