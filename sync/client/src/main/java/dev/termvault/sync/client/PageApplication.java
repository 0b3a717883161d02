package dev.termvault.sync.client;

import dev.termvault.sync.protocol.blobs.Change;
import dev.termvault.sync.protocol.blobs.PushItem;
import dev.termvault.vault.RemoteVersion;
import dev.termvault.vault.sync.ServedRecord;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.VaultSync;
import dev.termvault.vault.model.Item;
import dev.termvault.vault.sync.PendingChange;
import dev.termvault.vault.sync.LocalVersion;
import dev.termvault.vault.sync.SyncBase;
import dev.termvault.vault.sync.SyncState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vault's side of a sync pass: applies pulled pages and push conflicts, and reads and acknowledges the
 * outbox. Every call from the pass into the vault's sync state is here (keys: {@link KeyExchange}), and each
 * is a {@link VaultSync} method that takes the vault's lock itself for one step; this class holds no lock,
 * so a save from the UI never waits for the network. Where a step must see and write the same state, the
 * vault does it in one method ({@link VaultSync#acceptRemoteUnlessChanged}, {@link VaultSync#keepMergedIfAt}).
 */
final class PageApplication {

    private static final Logger LOG = LoggerFactory.getLogger(PageApplication.class);

    private final Vault vault;
    private final KeyExchange keys;
    private final Consumer<SyncNotice> notices;

    PageApplication(Vault vault, KeyExchange keys, Consumer<SyncNotice> notices) {
        this.vault = vault;
        this.keys = keys;
        this.notices = notices;
    }

    /** Pending local changes as they go on the wire, with the rows they came from. */
    record Outbound(List<PendingChange> rows, List<PushItem> items) {
    }

    UUID vaultId() {
        return vault.sync().vaultId();
    }

    /** The last cursor pulled: the vault's high-water mark. */
    long cursor() {
        return vault.sync().cursor();
    }

    int pendingCount() {
        return vault.sync().pendingCount();
    }

    /** For every record this device agreed on with the server, the revision agreed on. */
    Map<UUID, Long> agreedRevisions() {
        Map<UUID, Long> agreed = new HashMap<>();
        for (SyncBase base : vault.sync().bases()) {
            agreed.put(base.recordId(), base.revision());
        }
        return agreed;
    }

    /** Seals again the records whose only change is a re-wrap by a vault-key rotation here. */
    int resealRewrapped() {
        return vault.sync().resealRewrapped();
    }

    /** Up to {@code limit} pending local changes, oldest first. */
    Outbound pending(int limit) {
        List<PendingChange> rows = vault.sync().pending(limit);
        List<PushItem> items = new ArrayList<>(rows.size());
        for (PendingChange row : rows) {
            items.add(new PushItem(row.recordId().toString(), row.baseRevision(), row.revision(),
                    row.deleted() ? null : row.envelope(), row.deleted()));
        }
        return new Outbound(rows, items);
    }

    /** The server stored these items of {@code sent} (by index) exactly as sent. */
    void acknowledge(Outbound sent, List<Integer> applied) {
        vault.sync().acknowledge(applied.stream().map(sent.rows()::get).toList());
    }

    /**
     * Applies server changes: checks every change and opens every envelope first (nothing is written when
     * one fails), then merges the records changed on both sides (one transaction each), then stores the
     * rest together with the new cursor (empty: leave it) in one transaction, so after a crash the cursor
     * never points past a change that was not stored.
     *
     * @return how many records changed here
     */
    int apply(List<Change> changes, OptionalLong newCursor) {
        List<UUID> ids = changes.stream().map(FeedChecks::recordId).toList();
        FeedChecks.distinctRecords(ids);
        Map<UUID, SyncState> states = vault.sync().states(ids);
        List<ServedRecord> served = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            UUID id = ids.get(i);
            OptionalLong agreed = states.get(id).baseRevision();
            FeedChecks.notRolledBack(id, change.revision(), agreed);
            if (agreed.isPresent() && change.revision() == agreed.getAsLong()) {
                continue;
            }
            FeedChecks.carriesEnvelope(id, change);
            served.add(new ServedRecord(id, change.revision(), change.deleted() ? null : change.envelope()));
        }
        List<RemoteVersion> remotes = open(served);
        store(remotes, newCursor);
        return remotes.size();
    }

    /** Merges what changed here too, then stores the rest; again when a save lands in between. */
    private void store(List<RemoteVersion> remotes, OptionalLong newCursor) {
        List<RemoteVersion> rest = remotes;
        List<RemoteVersion> changedHere = vault.sync().acceptRemoteUnlessChanged(rest, newCursor);
        while (!changedHere.isEmpty()) {
            for (RemoteVersion remote : changedHere) {
                merge(remote);
            }
            List<RemoteVersion> merged = changedHere;
            rest = rest.stream().filter(r -> !merged.contains(r)).toList();
            changedHere = vault.sync().acceptRemoteUnlessChanged(rest, newCursor);
        }
    }

    /**
     * Opens served envelopes, each at its own address, after fetching any vault key they name and lack (no
     * lock is held while the keys are fetched).
     */
    private List<RemoteVersion> open(List<ServedRecord> served) {
        List<byte[]> envelopes = served.stream().map(ServedRecord::envelope).toList();
        for (int attempt = 1; ; attempt++) {
            keys.fetchKeysFor(envelopes);
            try {
                return vault.sync().open(served);
            } catch (VaultException.Tampered | VaultException.UnsupportedFormatVersion e) {
                if (attempt == 1 && !keys.holdsKeysFor(envelopes)) {
                    continue; // a rotation here deleted a key since it was fetched: fetch once more
                }
                UUID id = e instanceof VaultException.Tampered t ? t.recordId().orElse(null) : null;
                throw moved(id == null ? "" : id + " ");
            }
        }
    }

    private Item openBase(UUID id, long revision, byte[] envelope) {
        keys.fetchKeysFor(List.of(envelope));
        try {
            return vault.sync().open(id, revision, envelope);
        } catch (VaultException.Tampered | VaultException.UnsupportedFormatVersion e) {
            throw moved(id + " ");
        }
    }

    private static SyncException.ServerMisbehaved moved(String record) {
        return new SyncException.ServerMisbehaved("record " + record + "does not open at the revision served "
                + "for this vault (a ciphertext moved between records or vaults, or changed)");
    }

    /** Merges a server version into a record changed here too; again if a save lands meanwhile. */
    private void merge(RemoteVersion remote) {
        while (!tryMerge(remote)) {
            LOG.debug("A record was saved here during its merge; merging again");
        }
    }

    /** One merge from the local record as read now; false when it was saved again before the merge landed. */
    private boolean tryMerge(RemoteVersion remote) {
        VaultSync sync = vault.sync();
        UUID id = remote.recordId();
        LocalVersion local = sync.local(id).orElseThrow();
        Optional<Item> localItem = local.deleted() ? Optional.empty() : sync.localItem(id);
        boolean unreadableHere = !local.deleted() && localItem.isEmpty();
        if (unreadableHere || (remote.deleted() && localItem.isEmpty())) {
            return sync.acceptRemoteIfAt(remote, local.revision());
        }
        if (remote.deleted()) {
            return noticed(sync.keepMergedIfAt(remote, local.revision(), localItem.get()),
                    new SyncNotice(SyncNotice.Kind.RESTORED_LOCAL_EDIT, id.toString(), null));
        }
        if (localItem.isEmpty()) {
            return noticed(sync.acceptRemoteIfAt(remote, local.revision()),
                    new SyncNotice(SyncNotice.Kind.RESTORED_REMOTE_EDIT, id.toString(), null));
        }
        Item baseItem = sync.base(id).filter(b -> !b.deleted())
                .map(b -> openBase(id, b.revision(), b.envelope())).orElse(null);
        FieldMerge.Result result = FieldMerge.merge(baseItem, localItem.get(), remote.item());
        if (!sync.keepMergedIfAt(remote, local.revision(), result.merged())) {
            return false;
        }
        if (result.conflictCopy() != null) {
            VaultRecord copy = vault.add(result.conflictCopy());
            notices.accept(new SyncNotice(SyncNotice.Kind.CONFLICT_COPY, id.toString(), copy.id()));
        }
        return true;
    }

    private boolean noticed(boolean stored, SyncNotice notice) {
        if (stored) {
            notices.accept(notice);
        }
        return stored;
    }

    @Override
    public String toString() {
        return "PageApplication[" + vault + "]";
    }
}
