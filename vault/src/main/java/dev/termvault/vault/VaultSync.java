package dev.termvault.vault;

import dev.termvault.vault.internal.Keyring;
import dev.termvault.vault.internal.RecordCodec;
import dev.termvault.vault.internal.RecordSealer;
import dev.termvault.vault.internal.StorageErrors;
import dev.termvault.vault.internal.envelope.Envelopes;
import dev.termvault.vault.internal.envelope.RecordAddress;
import dev.termvault.vault.internal.store.RecordRow;
import dev.termvault.vault.model.Item;
import dev.termvault.vault.sync.LocalVersion;
import dev.termvault.vault.sync.PendingChange;
import dev.termvault.vault.sync.ServedRecord;
import dev.termvault.vault.sync.SyncBase;
import dev.termvault.vault.sync.SyncState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The vault's side of sync, for the sync client: what is waiting to be pushed, the base version of each
 * record (the last version this device and the server agreed on, kept for three-way merges), opening a
 * server envelope at the address it must have, and storing what the server sent or a merge of it. All the
 * sealing and opening happens here; the sync client sees envelopes as opaque bytes and records as Items.
 *
 * <p>Every method locks on the vault, like the vault's own methods; every write is one transaction. The
 * vault must be unlocked for the methods that open or seal.
 */
public final class VaultSync {

    /** Below this many envelopes a parallel open costs more than it saves. */
    private static final int PARALLEL_OPEN_THRESHOLD = 32;

    private final Vault vault;

    VaultSync(Vault vault) {
        this.vault = vault;
    }

    /** The vault's id. */
    public UUID vaultId() {
        return vault.vaultId();
    }

    /** Up to {@code limit} records with local changes to push, oldest first. */
    public List<PendingChange> pending(int limit) {
        synchronized (vault) {
            return StorageErrors.guard(() -> vault.store().sync().pending(vault.vaultId(), limit));
        }
    }

    /** How many records have local changes not yet acknowledged by the server. */
    public int pendingCount() {
        synchronized (vault) {
            return StorageErrors.guard(() -> vault.store().sync().pendingCount(vault.vaultId()));
        }
    }

    /**
     * The server stored these pushed changes exactly as sent: each becomes its record's base; one
     * transaction.
     */
    public void acknowledge(List<PendingChange> pushed) {
        if (pushed.isEmpty()) {
            return;
        }
        synchronized (vault) {
            StorageErrors.guardRun(() -> vault.store().sync().acknowledge(vault.vaultId(), pushed));
        }
    }

    /** The last cursor pulled: the vault's high-water mark on the server. */
    public long cursor() {
        synchronized (vault) {
            return StorageErrors.guard(() -> vault.store().sync().cursor(vault.vaultId()));
        }
    }

    /** Stores the last cursor pulled. */
    public void setCursor(long cursor) {
        synchronized (vault) {
            StorageErrors.guardRun(() -> vault.store().sync().setCursor(vault.vaultId(), cursor));
        }
    }

    /** The base version of a record, if the server ever acknowledged or sent one. */
    public Optional<SyncBase> base(UUID recordId) {
        synchronized (vault) {
            return StorageErrors.guard(() -> vault.store().sync().base(vault.vaultId(), recordId));
        }
    }

    /** Where each of the given records stands: base and local revisions, one entry per id. */
    public Map<UUID, SyncState> states(List<UUID> recordIds) {
        synchronized (vault) {
            return StorageErrors.guard(() -> vault.store().sync().states(vault.vaultId(), recordIds));
        }
    }

    /** Every record's base version. */
    public List<SyncBase> bases() {
        synchronized (vault) {
            return StorageErrors.guard(() -> vault.store().sync().bases(vault.vaultId()));
        }
    }

    /**
     * Whether this vault holds the vault key an envelope's key slot names. False means another device
     * rotated the vault key (or this one deleted an old key): fetch the server's wrapped keys and add them
     * ({@link VaultAccount#addWrappedVaultKeys}). A malformed envelope counts as held: opening it fails as usual.
     */
    public boolean holdsKeyFor(byte[] envelope) {
        synchronized (vault) {
            int version;
            try {
                version = Envelopes.peek(envelope).vaultKeyVersion();
            } catch (RuntimeException e) {
                return true;
            }
            return vault.keyring().vaultKey(version).isPresent();
        }
    }

    /**
     * Seals again, at the next revision, every record whose only pending change is a re-wrap (a vault-key
     * rotation on this device changed its key slot at the revision the server already holds). The server
     * takes only new revisions, so this is how the records reach it under the new key. The content does not
     * change; a record that cannot be opened is left as it is.
     *
     * @return how many records were sealed again
     */
    public int resealRewrapped() {
        synchronized (vault) {
            int resealed = 0;
            java.util.Set<UUID> skipped = new java.util.HashSet<>();
            while (true) {
                List<UUID> ids = StorageErrors.guard(() -> vault.store().sync().rewrappedOnly(vault.vaultId(),
                        skipped.size() + 200));
                ids = ids.stream().filter(id -> !skipped.contains(id)).toList();
                if (ids.isEmpty()) {
                    return resealed;
                }
                for (UUID id : ids) {
                    Optional<Item> item = localItem(id);
                    if (item.isEmpty()) {
                        skipped.add(id);
                    } else {
                        vault.update(id.toString(), item.get());
                        resealed++;
                    }
                }
            }
        }
    }

    /** Where the record stands locally (tombstones included); empty when this device never had it. */
    public Optional<LocalVersion> local(UUID recordId) {
        return localRow(recordId).map(row -> new LocalVersion(row.recordId(), row.revision(), row.deleted(),
                row.keyVersion()));
    }

    private Optional<RecordRow> localRow(UUID recordId) {
        synchronized (vault) {
            return StorageErrors.guard(() -> vault.store().record(vault.vaultId(), recordId));
        }
    }

    /** The local record's content; empty for a tombstone, a missing or an unreadable record. */
    public Optional<Item> localItem(UUID recordId) {
        synchronized (vault) {
            return vault.index().getQuietly(recordId).map(VaultRecord::item);
        }
    }

    /**
     * Opens an envelope as the record {@code recordId} at {@code revision} of this vault. A ciphertext moved
     * from another record, revision or vault fails here.
     *
     * @throws VaultException.Tampered if it does not open at that address
     */
    public Item open(UUID recordId, long revision, byte[] envelope) {
        synchronized (vault) {
            return openWith(vault.keyring(), recordId, revision, envelope);
        }
    }

    private static Item openWith(Keyring keyring, UUID recordId, long revision, byte[] envelope) {
        byte[] payload = Envelopes.open(new RecordAddress(keyring.vaultId(), recordId, revision), keyring, envelope);
        try {
            return RecordCodec.decode(payload);
        } catch (IOException e) {
            throw new VaultException.Tampered(recordId);
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }

    /**
     * Opens server envelopes, each as its record at its revision of this vault, in parallel when there are
     * many. A ciphertext moved from another record, revision or vault fails here.
     *
     * @return the checked versions, in the order given
     * @throws VaultException.Tampered for the first (in the order given) that does not open
     */
    public List<RemoteVersion> open(List<ServedRecord> served) {
        synchronized (vault) {
            Keyring keyring = vault.keyring();
            Object[] results = new Object[served.size()];
            IntStream indices = IntStream.range(0, served.size());
            if (served.size() >= PARALLEL_OPEN_THRESHOLD) {
                indices = indices.parallel();
            }
            indices.forEach(i -> results[i] = openQuietly(keyring, served.get(i)));
            List<RemoteVersion> versions = new ArrayList<>(served.size());
            for (Object result : results) {
                if (result instanceof RuntimeException e) {
                    throw e;
                }
                versions.add((RemoteVersion) result);
            }
            return versions;
        }
    }

    /** The version, or the exception that stopped it from opening. */
    private static Object openQuietly(Keyring keyring, ServedRecord served) {
        try {
            Item item = served.envelope() == null ? null
                    : openWith(keyring, served.recordId(), served.revision(), served.envelope());
            return new RemoteVersion(served.recordId(), served.revision(), served.envelope(), item);
        } catch (VaultException e) {
            return e;
        }
    }

    /**
     * Stores server versions (opened by {@link #open(List)}) as both the base and the record, in one
     * transaction.
     */
    public void acceptRemote(List<RemoteVersion> versions) {
        store(versions, null);
    }

    /**
     * Stores server versions as both the base and the record, and moves the cursor to {@code cursor}, in
     * one transaction: after a crash the cursor never points past a change that was not stored.
     */
    public void acceptRemote(List<RemoteVersion> versions, long cursor) {
        store(versions, cursor);
    }

    private void store(List<RemoteVersion> versions, Long cursor) {
        synchronized (vault) {
            List<RecordRow> rows = new ArrayList<>(versions.size());
            for (RemoteVersion v : versions) {
                rows.add(v.deleted() ? RecordRow.tombstone(v.recordId(), v.revision())
                        : RecordRow.live(v.recordId(), v.revision(), v.envelope(),
                        Envelopes.peek(v.envelope()).vaultKeyVersion()));
            }
            StorageErrors.guardRun(() -> vault.store().sync().storeRemote(vault.vaultId(), rows, cursor));
            for (RemoteVersion v : versions) {
                if (v.deleted()) {
                    vault.index().remove(v.recordId());
                } else {
                    vault.index().put(new VaultRecord(v.recordId().toString(), v.revision(), v.item()));
                }
            }
        }
    }

    /**
     * Stores server versions as both the base and the record, and moves the cursor when one is given, in one
     * transaction, unless one of the records has a local change the server has not seen: then nothing is
     * stored and those versions come back, to be merged first. The check and the write happen under the
     * vault's lock, so a save cannot land between them and be overwritten.
     *
     * @return the versions whose records changed here (empty: all stored)
     */
    public List<RemoteVersion> acceptRemoteUnlessChanged(List<RemoteVersion> versions, OptionalLong cursor) {
        synchronized (vault) {
            Map<UUID, SyncState> states = states(versions.stream().map(RemoteVersion::recordId).toList());
            List<RemoteVersion> changed = versions.stream()
                    .filter(v -> changedLocally(states.get(v.recordId()))).toList();
            if (!changed.isEmpty()) {
                return changed;
            }
            if (cursor.isPresent()) {
                store(versions, cursor.getAsLong());
            } else if (!versions.isEmpty()) {
                store(versions, null);
            }
            return List.of();
        }
    }

    private static boolean changedLocally(SyncState state) {
        return state.localRevision().isPresent() && (state.baseRevision().isEmpty()
                || state.localRevision().getAsLong() != state.baseRevision().getAsLong());
    }

    /**
     * Stores a server version as both the base and the record over a local change (a merge that chose the
     * server's side), if the local record is still at {@code localRevision}; one transaction.
     *
     * @return false, storing nothing, when the record was saved again here since it was read
     */
    public boolean acceptRemoteIfAt(RemoteVersion remote, long localRevision) {
        synchronized (vault) {
            if (!localAt(remote.recordId(), localRevision)) {
                return false;
            }
            store(List.of(remote), null);
            return true;
        }
    }

    /**
     * {@link #keepMerged}, if the local record is still at {@code localRevision}: the merge was made from
     * that revision, so a save since then would be lost.
     *
     * @return false, storing nothing, when the record was saved again here since it was read
     */
    public boolean keepMergedIfAt(RemoteVersion remote, long localRevision, Item merged) {
        synchronized (vault) {
            if (!localAt(remote.recordId(), localRevision)) {
                return false;
            }
            keepMerged(remote.recordId(), remote.revision(), remote.envelope(), merged);
            return true;
        }
    }

    private boolean localAt(UUID recordId, long revision) {
        return local(recordId).map(LocalVersion::revision).orElse(-1L) == revision;
    }

    /**
     * Stores the server's version as the base and {@code merged} (null: deleted) as the local record, sealed
     * at a new revision above both sides and kept pending, so the next push sends it based on the server's
     * revision.
     *
     * @return the new local revision
     */
    public long keepMerged(UUID recordId, long remoteRevision, byte[] remoteEnvelope, Item merged) {
        synchronized (vault) {
            RecordRow remote = remoteEnvelope == null ? RecordRow.tombstone(recordId, remoteRevision)
                    : RecordRow.live(recordId, remoteRevision, remoteEnvelope,
                    Envelopes.peek(remoteEnvelope).vaultKeyVersion());
            long localRevision = localRow(recordId).map(RecordRow::revision).orElse(0L);
            long revision = Math.max(localRevision, remoteRevision) + 1;
            RecordRow row = merged == null ? RecordRow.tombstone(recordId, revision)
                    : RecordSealer.seal(vault.keyring(), new VaultRecord(recordId.toString(), revision, merged));
            StorageErrors.guardRun(() -> vault.store().sync().storeRemote(vault.vaultId(), remote, row));
            if (merged == null) {
                vault.index().remove(recordId);
            } else {
                vault.index().put(new VaultRecord(recordId.toString(), revision, merged));
            }
            return revision;
        }
    }

    /** An item as its payload JSON (the type inside), for field-by-field merging. */
    public static byte[] toJson(Item item) {
        return RecordCodec.encode(item);
    }

    /** The inverse of {@link #toJson}. */
    public static Item fromJson(byte[] json) throws IOException {
        return RecordCodec.decode(json);
    }
}
