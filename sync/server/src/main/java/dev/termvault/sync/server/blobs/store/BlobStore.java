package dev.termvault.sync.server.blobs.store;

import dev.termvault.sync.protocol.blobs.Change;
import dev.termvault.sync.protocol.blobs.ChangePage;
import dev.termvault.sync.protocol.blobs.PushItem;
import dev.termvault.sync.protocol.blobs.PushResult;
import dev.termvault.sync.protocol.blobs.Usage;
import dev.termvault.sync.protocol.blobs.VaultInfo;
import dev.termvault.sync.protocol.blobs.WrappedVaultKey;
import dev.termvault.sync.server.ApiException;
import dev.termvault.sync.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The blob service's store. It holds vaults (each owned by one account), wrapped vault keys, and the latest
 * state of every record (opaque envelope or tombstone) with the per-vault sequence number at which it last
 * changed. Nothing here can be decrypted by the server. Ownership is checked by the caller
 * ({@link #owner}); these methods trust the vault id they are given.
 *
 * <p>Each method is one transaction or one read here; the statements on the key, record and usage tables are
 * in {@link StoredKeys}, {@link StoredRecords} and {@link AccountUsage}.
 */
public final class BlobStore {
    private final Database db;

    public BlobStore(Database db) {
        this.db = db;
    }

    /** What happened to a create request. */
    public enum Created { CREATED, ALREADY_YOURS, TAKEN }

    public Created createVault(String accountId, String vaultId, long now) {
        return db.transaction(c -> {
            AccountUsage.ensure(c, accountId);
            Optional<String> owner = owner(c, vaultId);
            if (owner.isPresent()) {
                return owner.get().equals(accountId) ? Created.ALREADY_YOURS : Created.TAKEN;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO vaults (vault_id, account_id, last_seq, created_at) VALUES (?, ?, 0, ?)")) {
                ps.setString(1, vaultId);
                ps.setString(2, accountId);
                ps.setLong(3, now);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (db.dialect().isUniqueViolation(e)) {
                    return Created.TAKEN;
                }
                throw e;
            }
            return Created.CREATED;
        });
    }

    /** The account owning {@code vaultId}, if the vault exists. */
    public Optional<String> owner(String vaultId) {
        return db.read(c -> owner(c, vaultId));
    }

    public Optional<VaultInfo> vault(String vaultId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT vault_id, last_seq, created_at FROM vaults WHERE vault_id = ?")) {
                ps.setString(1, vaultId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new VaultInfo(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                            : Optional.<VaultInfo>empty();
                }
            }
        });
    }

    public List<VaultInfo> vaults(String accountId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT vault_id, last_seq, created_at FROM vaults WHERE account_id = ? ORDER BY created_at, vault_id")) {
                ps.setString(1, accountId);
                List<VaultInfo> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new VaultInfo(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                    }
                }
                return out;
            }
        });
    }

    /** What happened to a key upload. */
    public enum KeyPut { STORED, SAME, DIFFERENT }

    /** Stores a wrapped key version once; the same bytes again are accepted, different bytes are not. */
    public KeyPut putKey(String accountId, String vaultId, int version, byte[] wrapped, long maxBytes, long now) {
        return db.transaction(c -> {
            Usage usage = AccountUsage.lock(c, accountId, maxBytes, 0);
            Optional<byte[]> stored = StoredKeys.find(c, vaultId, version);
            if (stored.isPresent()) {
                return java.util.Arrays.equals(stored.get(), wrapped) ? KeyPut.SAME : KeyPut.DIFFERENT;
            }
            if (usage.bytes() + wrapped.length > maxBytes) {
                throw new ApiException.QuotaExceeded("the account's storage quota (" + maxBytes + " bytes) is used up");
            }
            StoredKeys.insert(c, vaultId, version, wrapped, now);
            AccountUsage.save(c, accountId, usage.bytes() + wrapped.length, usage.records());
            return KeyPut.STORED;
        });
    }

    /** What happened to a re-wrap of every key version (see {@link #rewrapKeys}). */
    public enum Rewrap { STORED, SAME, STALE, MISMATCH }

    /**
     * Replaces every stored key version of {@code vaultId} with a re-wrap at account-key epoch {@code epoch},
     * in one transaction: only if {@code wraps} covers exactly the stored versions (else MISMATCH) and every
     * stored wrap names an older epoch (else STALE, unless the bytes are the same: SAME).
     */
    public Rewrap rewrapKeys(String accountId, String vaultId, int epoch, java.util.Map<Integer, byte[]> wraps,
                             long maxBytes) {
        return db.transaction(c -> {
            Usage usage = AccountUsage.lock(c, accountId, maxBytes, 0);
            java.util.Map<Integer, byte[]> stored = StoredKeys.all(c, vaultId);
            if (!stored.keySet().equals(wraps.keySet())) {
                return Rewrap.MISMATCH;
            }
            if (stored.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), wraps.get(e.getKey())))) {
                return Rewrap.SAME;
            }
            long oldBytes = 0;
            long newBytes = 0;
            for (java.util.Map.Entry<Integer, byte[]> e : stored.entrySet()) {
                if (dev.termvault.sync.protocol.blobs.KeyEpoch.of(e.getValue()) >= epoch) {
                    return Rewrap.STALE;
                }
                oldBytes += e.getValue().length;
                newBytes += wraps.get(e.getKey()).length;
            }
            long total = usage.bytes() - oldBytes + newBytes;
            if (total > maxBytes && newBytes > oldBytes) {
                throw new ApiException.QuotaExceeded("the account's storage quota (" + maxBytes + " bytes) is used up");
            }
            StoredKeys.replace(c, vaultId, wraps);
            AccountUsage.save(c, accountId, total, usage.records());
            return Rewrap.STORED;
        });
    }

    public List<WrappedVaultKey> keys(String vaultId) {
        return db.read(c -> StoredKeys.list(c, vaultId));
    }

    /** Records changed after {@code after}, in sequence order, at most {@code limit}. */
    public ChangePage changes(String vaultId, long after, int limit) {
        return db.read(c -> {
            List<Change> out = StoredRecords.after(c, vaultId, after, limit + 1);
            boolean more = out.size() > limit;
            List<Change> page = more ? out.subList(0, limit) : out;
            long cursor = page.isEmpty() ? after : page.get(page.size() - 1).seq();
            return new ChangePage(List.copyOf(page), cursor, more);
        });
    }

    /** The result of a push: one result per item, and the vault's cursor afterwards. */
    public record Pushed(List<PushResult> results, long cursor, boolean changed) {
    }

    /**
     * Applies a batch in one transaction. An item whose base revision is not the stored one is a conflict,
     * answered with the stored state, and skipped; the others are applied, each with a new sequence number.
     * If the applied items would take the account past its quota, nothing is applied.
     */
    public Pushed push(String accountId, String vaultId, List<PushItem> items, long maxBytes, long maxRecords, long now) {
        return db.transaction(c -> {
            Usage usage = AccountUsage.lock(c, accountId, maxBytes, maxRecords);
            long seq = lockVault(c, vaultId);
            long bytes = usage.bytes();
            long records = usage.records();
            List<PushResult> results = new ArrayList<>(items.size());
            boolean changed = false;
            for (PushItem item : items) {
                Optional<StoredRecords.Stored> stored = StoredRecords.find(c, vaultId, item.recordId());
                long currentRevision = stored.map(s -> s.change().revision()).orElse(0L);
                if (currentRevision != item.baseRevision()) {
                    results.add(PushResult.conflict(item.recordId(), stored.map(StoredRecords.Stored::change)
                            .orElse(new Change(item.recordId(), 0, 0, null, false))));
                    continue;
                }
                seq++;
                byte[] envelope = item.delete() ? null : item.envelope();
                long size = envelope == null ? 0 : envelope.length;
                StoredRecords.write(c, vaultId, item, seq, envelope, size, stored.isPresent(), now);
                bytes += size - stored.map(StoredRecords.Stored::size).orElse(0L);
                records += (item.delete() ? 0 : 1) - stored.map(s -> s.change().deleted() ? 0 : 1).orElse(0);
                results.add(PushResult.applied(item.recordId(), seq));
                changed = true;
            }
            checkQuota(usage, bytes, records);
            if (changed) {
                setLastSeq(c, vaultId, seq);
                AccountUsage.save(c, accountId, bytes, records);
            }
            return new Pushed(List.copyOf(results), seq, changed);
        });
    }

    /** Refuses a push that takes the account past a quota (one that only lowers the usage is let through). */
    private static void checkQuota(Usage before, long bytes, long records) {
        if (bytes > before.maxBytes() && bytes > before.bytes()) {
            throw new ApiException.QuotaExceeded("the push would take the account past its storage quota ("
                    + before.maxBytes() + " bytes)");
        }
        if (records > before.maxRecords() && records > before.records()) {
            throw new ApiException.QuotaExceeded("the push would take the account past its record quota ("
                    + before.maxRecords() + " records)");
        }
    }

    public Usage usage(String accountId, long maxBytes, long maxRecords) {
        return db.read(c -> AccountUsage.read(c, accountId, maxBytes, maxRecords));
    }

    /** Records a device as revoked (idempotent). */
    public void revokeDevice(String accountId, String deviceId, long now) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO revoked_devices (device_id, account_id, revoked_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT (device_id) DO NOTHING")) {
                ps.setString(1, deviceId);
                ps.setString(2, accountId);
                ps.setLong(3, now);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public boolean isRevoked(String deviceId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM revoked_devices WHERE device_id = ?")) {
                ps.setString(1, deviceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static Optional<String> owner(Connection c, String vaultId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT account_id FROM vaults WHERE vault_id = ?")) {
            ps.setString(1, vaultId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static long lockVault(Connection c, String vaultId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE vaults SET last_seq = last_seq WHERE vault_id = ?")) {
            ps.setString(1, vaultId);
            if (ps.executeUpdate() != 1) {
                throw new ApiException.NotFound("no such vault");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM vaults WHERE vault_id = ?")) {
            ps.setString(1, vaultId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void setLastSeq(Connection c, String vaultId, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE vaults SET last_seq = ? WHERE vault_id = ?")) {
            ps.setLong(1, seq);
            ps.setString(2, vaultId);
            ps.executeUpdate();
        }
    }
}
