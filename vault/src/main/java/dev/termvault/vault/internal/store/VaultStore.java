package dev.termvault.vault.internal.store;

import dev.termvault.vault.sync.SyncLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The encrypted local cache: one SQLite file holding the account row, the device row, the wrapped vault
 * keys, the record envelopes, the outbox and the state of a key rotation (the sync client's part, from the
 * outbox on, is {@link #sync()}). It stores bytes it cannot read:
 * every key is wrapped and every record is an envelope; sealing and opening happen above this class.
 *
 * <p>Every write method is one transaction, and every record write adds its outbox row in that same
 * transaction. Not thread-safe: the caller serialises access.
 */
public final class VaultStore implements AutoCloseable {

    /** The database file's name inside a vault folder. */
    public static final String FILE_NAME = "vault.db";

    private final SqliteDatabase db;
    private final RecordTable records = new RecordTable();
    private final SyncStore sync;
    private final List<OwnerOnlyFiles.Repair> repairs;

    private VaultStore(SqliteDatabase db, List<OwnerOnlyFiles.Repair> repairs) {
        this.db = db;
        this.sync = new SyncStore(db, records);
        this.repairs = repairs;
    }

    /** The database file of the vault folder {@code dir}. */
    public static Path file(Path dir) {
        return dir.resolve(FILE_NAME);
    }

    /** Whether {@code dir} holds a vault database file. */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(file(dir));
    }

    /**
     * Opens (creating it when {@code create}) the database of {@code dir} and brings its schema up to date.
     * Nothing is written when the schema is current.
     *
     * @throws VaultStoreException when the file is missing and {@code create} is false, or cannot be opened
     * @throws UnsupportedSchemaException when a newer Termvault wrote it
     */
    public static VaultStore open(Path dir, boolean create) {
        if (!create && !exists(dir)) {
            throw new VaultStoreException("No vault in " + dir);
        }
        List<OwnerOnlyFiles.Repair> repairs = OwnerOnlyFiles.prepare(dir, file(dir), create);
        SqliteDatabase db = SqliteDatabase.open(file(dir));
        try {
            db.read("update the storage format", c -> Migrations.migrate(c));
            return new VaultStore(db, repairs);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The outbox, the sync bases, cursor and link: what the sync client keeps in this file. */
    public SyncStore sync() {
        return sync;
    }

    /** Files and folders of the vault folder whose mode let others in when it was opened, now repaired. */
    public List<OwnerOnlyFiles.Repair> fileModeRepairs() {
        return repairs;
    }

    /** The schema version of the open file. */
    public int schemaVersion() {
        return db.read("read the storage format", Migrations::currentVersion);
    }

    // ---- account, device, vault keys ------------------------------------------------------------

    /** The account row, empty for a file without an account (a vault whose creation did not finish). */
    public Optional<AccountRow> account() {
        return db.read("read the account", AccountTable::read);
    }

    /**
     * Writes a new account with its device, its first vault and that vault's first key, in one transaction.
     *
     * @throws VaultStoreException when the file already holds an account
     */
    public void createAccount(AccountRow account, UUID deviceId, UUID vaultId, int keyVersion, byte[] wrappedKey) {
        db.transaction("create the vault", c -> {
            if (AccountTable.read(c).isPresent()) {
                throw new VaultStoreException("This folder already holds a vault");
            }
            AccountTable.insert(c, account, deviceId);
            AccountTable.insertVault(c, vaultId, keyVersion);
            AccountTable.insertVaultKey(c, vaultId, keyVersion, wrappedKey);
            return null;
        });
    }

    /**
     * Writes an account joined from a sync server (a second device): the account row, a new device, the
     * vault with the server's id and every wrapped key the server holds, and the link; one transaction.
     */
    public void createJoinedAccount(AccountRow account, UUID deviceId, UUID vaultId, int currentKeyVersion,
                                    Map<Integer, byte[]> wrappedKeys, SyncLink link) {
        db.transaction("join the account", c -> {
            if (AccountTable.read(c).isPresent()) {
                throw new VaultStoreException("This folder already holds a vault");
            }
            AccountTable.insert(c, account, deviceId);
            AccountTable.insertVault(c, vaultId, currentKeyVersion);
            for (Map.Entry<Integer, byte[]> key : wrappedKeys.entrySet()) {
                AccountTable.insertVaultKey(c, vaultId, key.getKey(), key.getValue());
            }
            SyncTable.putLink(c, link);
            return null;
        });
    }

    /** The device id of this installation. */
    public UUID deviceId() {
        return db.read("read the device", AccountTable::deviceId);
    }

    /** The id of the account's first vault (a local-only account has exactly one). */
    public UUID primaryVaultId() {
        return db.read("read the vault", AccountTable::primaryVaultId);
    }

    /** The key version new envelopes of {@code vaultId} are sealed under. */
    public int currentKeyVersion(UUID vaultId) {
        return db.read("read the vault", c -> AccountTable.currentKeyVersion(c, vaultId));
    }

    /**
     * Adds wrapped keys of {@code vaultId} made on another device (a rotation there) and makes
     * {@code current} the version new envelopes use; one transaction.
     */
    public void addVaultKeys(UUID vaultId, Map<Integer, byte[]> wrapped, int current) {
        db.transaction("add vault keys", c -> {
            for (Map.Entry<Integer, byte[]> key : wrapped.entrySet()) {
                AccountTable.insertVaultKey(c, vaultId, key.getKey(), key.getValue());
            }
            AccountTable.setCurrentKeyVersion(c, vaultId, current);
            return null;
        });
    }

    /** Every wrapped key of {@code vaultId}, by key version. */
    public Map<Integer, byte[]> wrappedVaultKeys(UUID vaultId) {
        return db.read("read the vault keys", c -> AccountTable.wrappedKeys(c, vaultId));
    }

    /**
     * Replaces the password-derived material: new salt and KDF parameters, S re-wrapped under the new
     * K_local and every vault key re-wrapped under the new K_acct, in one transaction. No envelope changes.
     *
     * @param expectedSalt the salt the caller derived the old keys from; if another process changed the
     *                     password meanwhile, nothing is written and a VaultStoreException is thrown
     */
    public void replaceCredentials(byte[] expectedSalt, AccountRow updated, UUID vaultId,
                                   Map<Integer, byte[]> rewrappedKeys) {
        db.transaction("change the password", c -> {
            AccountTable.updateCredentials(c, expectedSalt, updated);
            for (Map.Entry<Integer, byte[]> key : rewrappedKeys.entrySet()) {
                AccountTable.updateVaultKey(c, vaultId, key.getKey(), key.getValue());
            }
            if (!AccountTable.wrappedKeys(c, vaultId).keySet().equals(rewrappedKeys.keySet())) {
                throw new VaultStoreException("The vault keys changed while the password was being changed");
            }
            return null;
        });
    }

    // ---- records --------------------------------------------------------------------------------

    /** Every live (not deleted) record of {@code vaultId}, read in one query. */
    public List<RecordRow> liveRecords(UUID vaultId) {
        return db.read("read the records", c -> records.live(c, vaultId));
    }

    /** One record, tombstones included. */
    public Optional<RecordRow> record(UUID vaultId, UUID recordId) {
        return db.read("read a record", c -> records.find(c, vaultId, recordId));
    }

    /**
     * Writes records (new ones, new revisions and tombstones) and their outbox rows in one transaction.
     * Each row's revision must be exactly one more than the stored one (1 for a new record), otherwise
     * nothing is written and a {@link VaultStoreException} says which record conflicted.
     */
    public void write(UUID vaultId, List<RecordRow> rows) {
        db.transaction("save", c -> {
            long seq = records.nextSequence(c);
            for (RecordRow row : rows) {
                records.write(c, vaultId, row, seq);
            }
            return null;
        });
    }

    // ---- vault-key rotation ---------------------------------------------------------------------

    /** The rotation in progress for {@code vaultId}, if any. */
    public Optional<RotationRow> rotation(UUID vaultId) {
        return db.read("read the key rotation", c -> RotationTable.find(c, vaultId));
    }

    /**
     * Starts a rotation in one transaction: stores the new wrapped key, makes it the current version (new
     * writes use it from now on) and records the rotation so it resumes after a crash.
     */
    public void startRotation(RotationRow rotation, byte[] wrappedNewKey) {
        db.transaction("start the key rotation", c -> {
            if (RotationTable.find(c, rotation.vaultId()).isPresent()) {
                throw new VaultStoreException("A key rotation is already in progress");
            }
            AccountTable.insertVaultKey(c, rotation.vaultId(), rotation.toVersion(), wrappedNewKey);
            AccountTable.setCurrentKeyVersion(c, rotation.vaultId(), rotation.toVersion());
            RotationTable.insert(c, rotation);
            return null;
        });
    }

    /**
     * Up to {@code limit} live records whose key slot is not yet under {@code keyVersion}, in record-id
     * order, starting after {@code after} (null: from the start).
     */
    public List<RecordRow> recordsNotUnder(UUID vaultId, int keyVersion, UUID after, int limit) {
        return db.read("read the records", c -> records.notUnder(c, vaultId, keyVersion, after, limit));
    }

    /**
     * Stores re-wrapped envelopes in one transaction (same revision, new key slot), each with a REWRAP
     * outbox row. A row whose revision changed meanwhile is skipped: its new envelope already uses the
     * current key.
     *
     * @return how many rows were updated
     */
    public int storeRewrapped(UUID vaultId, List<RecordRow> rewrapped) {
        return db.transaction("rotate the vault key", c -> {
            long seq = records.nextSequence(c);
            int updated = 0;
            for (RecordRow row : rewrapped) {
                updated += records.rewrap(c, vaultId, row, seq);
            }
            return updated;
        });
    }

    /**
     * Completes a rotation when no live envelope uses an older key: deletes the unused old keys and the
     * rotation row in one transaction.
     *
     * @return false (and nothing written) when some envelope still uses an older key
     */
    public boolean finishRotation(RotationRow rotation) {
        return db.transaction("finish the key rotation", c -> {
            if (!records.notUnder(c, rotation.vaultId(), rotation.toVersion(), null, 1).isEmpty()) {
                return false;
            }
            AccountTable.deleteUnusedKeys(c, rotation.vaultId(), rotation.toVersion());
            RotationTable.delete(c, rotation.vaultId());
            return true;
        });
    }

    @Override
    public void close() {
        db.close();
    }

    /** Maps a query to a list. */
    static <T> List<T> list(PreparedStatement ps, RowMapper<T> mapper) throws SQLException {
        List<T> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(mapper.map(rs));
            }
        }
        return result;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
