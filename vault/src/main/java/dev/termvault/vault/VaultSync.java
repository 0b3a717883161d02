package dev.termvault.vault;

import dev.termvault.vault.envelope.Envelopes;
import dev.termvault.vault.envelope.RecordAddress;
import dev.termvault.vault.model.Item;
import dev.termvault.vault.store.PendingRow;
import dev.termvault.vault.store.RecordRow;
import dev.termvault.vault.store.SyncBase;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    private final Vault vault;

    VaultSync(Vault vault) {
        this.vault = vault;
    }

    /** The vault's id. */
    public UUID vaultId() {
        return vault.vaultId();
    }

    /** Up to {@code limit} records with local changes to push, oldest first. */
    public List<PendingRow> pending(int limit) {
        synchronized (vault) {
            return StorageErrors.guard(() -> vault.store().pending(vault.vaultId(), limit));
        }
    }

    /** How many records have local changes not yet acknowledged by the server. */
    public int pendingCount() {
        synchronized (vault) {
            return StorageErrors.guard(() -> vault.store().pendingCount(vault.vaultId()));
        }
    }

    /** The server stored a pushed change exactly as sent: it becomes the record's base. */
    public void acknowledge(PendingRow pushed) {
        synchronized (vault) {
            StorageErrors.guardRun(() -> vault.store().acknowledge(vault.vaultId(), pushed.recordId(), pushed.revision(),
                    pushed.deleted() ? null : pushed.envelope()));
        }
    }

    /** The last cursor pulled: the vault's high-water mark on the server. */
    public long cursor() {
        synchronized (vault) {
            return StorageErrors.guard(() -> vault.store().syncCursor(vault.vaultId()));
        }
    }

    /** Stores the last cursor pulled. */
    public void setCursor(long cursor) {
        synchronized (vault) {
            StorageErrors.guardRun(() -> vault.store().setSyncCursor(vault.vaultId(), cursor));
        }
    }

    /** The base version of a record, if the server ever acknowledged or sent one. */
    public Optional<SyncBase> base(UUID recordId) {
        synchronized (vault) {
            return StorageErrors.guard(() -> vault.store().syncBase(vault.vaultId(), recordId));
        }
    }

    /** Every record's base version. */
    public List<SyncBase> bases() {
        synchronized (vault) {
            return StorageErrors.guard(() -> vault.store().syncBases(vault.vaultId()));
        }
    }

    /**
     * Whether this vault holds the vault key an envelope's key slot names. False means another device
     * rotated the vault key (or this one deleted an old key): fetch the server's wrapped keys and add them
     * ({@link Vault#addWrappedVaultKeys}). A malformed envelope counts as held: opening it fails as usual.
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
                List<UUID> ids = StorageErrors.guard(() -> vault.store().rewrappedOnly(vault.vaultId(),
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
                        vault.put(id.toString(), item.get());
                        resealed++;
                    }
                }
            }
        }
    }

    /** The record as stored locally (tombstones included). */
    public Optional<RecordRow> local(UUID recordId) {
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
            Keyring keyring = vault.keyring();
            byte[] payload = Envelopes.open(new RecordAddress(keyring.vaultId(), recordId, revision), keyring,
                    envelope);
            try {
                return RecordCodec.decode(payload);
            } catch (IOException e) {
                throw new VaultException.Tampered(recordId);
            } finally {
                Arrays.fill(payload, (byte) 0);
            }
        }
    }

    /**
     * Stores the server's version of a record (its envelope, or null for a tombstone) as both the base and
     * the record. The envelope is opened first: if it does not open, nothing is written.
     *
     * @throws VaultException.Tampered if the envelope does not open at that address
     */
    public void acceptRemote(UUID recordId, long revision, byte[] envelope) {
        synchronized (vault) {
            Item item = envelope == null ? null : open(recordId, revision, envelope);
            RecordRow remote = envelope == null ? RecordRow.tombstone(recordId, revision)
                    : RecordRow.live(recordId, revision, envelope, Envelopes.peek(envelope).vaultKeyVersion());
            StorageErrors.guardRun(() -> vault.store().storeRemote(vault.vaultId(), remote, null));
            if (item == null) {
                vault.index().remove(recordId);
            } else {
                vault.index().put(new VaultRecord(recordId.toString(), revision, item));
            }
        }
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
            long localRevision = local(recordId).map(RecordRow::revision).orElse(0L);
            long revision = Math.max(localRevision, remoteRevision) + 1;
            RecordRow row = merged == null ? RecordRow.tombstone(recordId, revision)
                    : RecordSealer.seal(vault.keyring(), new VaultRecord(recordId.toString(), revision, merged));
            StorageErrors.guardRun(() -> vault.store().storeRemote(vault.vaultId(), remote, row));
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
