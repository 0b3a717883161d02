package dev.termvault.sync.client;

import dev.termvault.sync.protocol.blobs.Change;
import dev.termvault.sync.protocol.blobs.ChangePage;
import dev.termvault.sync.protocol.blobs.PushItem;
import dev.termvault.sync.protocol.blobs.PushResponse;
import dev.termvault.sync.protocol.blobs.PushResult;
import dev.termvault.vault.RemoteVersion;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.VaultSync;
import dev.termvault.vault.model.Item;
import dev.termvault.vault.sync.LocalVersion;
import dev.termvault.vault.sync.PendingChange;
import dev.termvault.vault.sync.ServedRecord;
import dev.termvault.vault.sync.SyncBase;
import dev.termvault.vault.sync.SyncState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One vault's sync with the blob service, one pass at a time ({@link #syncOnce}): pull every change after
 * the stored cursor and apply it (merging with local changes), then push the pending local changes in
 * batches (a conflict is merged and pushed again). Every answer is checked against what this device has
 * seen (docs/security/sync-integrity.md); a check that fails throws {@link SyncException.ServerMisbehaved}
 * before anything local is overwritten. Resumable: the cursor and the pending state are on disk.
 */
public final class Synchronizer {

    private static final Logger LOG = LoggerFactory.getLogger(Synchronizer.class);
    /** Changes per pull: the most the server sends in one page. */
    static final int PAGE = 1000;
    static final int BATCH = 200;
    private static final int MAX_PUSH_ROUNDS = 50;

    private final Vault vault;
    private final AccountSession session;
    private final List<Consumer<SyncNotice>> noticeListeners = new CopyOnWriteArrayList<>();
    private final List<Progress> progressListeners = new CopyOnWriteArrayList<>();
    private volatile SyncHistory history;
    private boolean verified;
    /** Key versions the server is known to hold; null until first asked. */
    private Set<Integer> serverKeyVersions;
    private int pulled;
    private int pushed;
    private long target;

    /** Hears how far a pass has pulled. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param cursor the cursor reached so far
         * @param target the server's cursor when the pass started (the pass is done pulling at or past it)
         */
        void pulled(long cursor, long target);
    }

    public Synchronizer(Vault vault, AccountSession session) {
        this.vault = vault;
        this.session = session;
    }

    public Vault vault() {
        return vault;
    }

    public AccountSession session() {
        return session;
    }

    /** Calls {@code listener} for every conflict copy or restored record. */
    public void onNotice(Consumer<SyncNotice> listener) {
        noticeListeners.add(listener);
    }

    /** Calls {@code listener} after every page pulled (for a progress bar on a first sync). */
    public void onProgress(Progress listener) {
        progressListeners.add(listener);
    }

    /** Records every pass that moved something, every conflict and every failure in {@code history}. */
    public void recordHistory(SyncHistory history) {
        this.history = history;
    }

    /**
     * Pulls, then pushes, until nothing is pending or the server keeps answering with conflicts. The first
     * pass also checks that the server still holds every record this device has seen at least at the
     * revision seen ({@link #verifyServer}).
     */
    public synchronized void syncOnce() {
        pulled = 0;
        pushed = 0;
        try {
            pass();
        } catch (RuntimeException e) {
            SyncHistory h = history;
            if (h != null) {
                h.record(SyncHistory.Kind.ERROR, 1, e instanceof SyncException || e instanceof VaultException
                        ? e.getMessage() : "Sync failed: " + e.getClass().getSimpleName(), java.time.Instant.now());
            }
            throw e;
        } finally {
            SyncHistory h = history;
            if (h != null && pulled > 0) {
                h.record(SyncHistory.Kind.PULL, pulled, pulled == 1 ? "1 change from other devices"
                        : pulled + " changes from other devices", java.time.Instant.now());
            }
            if (h != null && pushed > 0) {
                h.record(SyncHistory.Kind.PUSH, pushed, pushed == 1 ? "1 change sent" : pushed + " changes sent",
                        java.time.Instant.now());
            }
        }
    }

    private void pass() {
        VaultSync sync = vault.sync();
        UUID vaultId = sync.vaultId();
        long highWater = sync.cursor();
        long served = session.vault(vaultId).cursor();
        target = served;
        if (served < highWater) {
            throw new SyncException.ServerMisbehaved("the vault is served older (cursor " + served
                    + ") than this device has seen (" + highWater + ")");
        }
        if (!verified) {
            verifyServer();
            verified = true;
        }
        pull(sync, vaultId);
        shareNewKeys(vaultId);
        if (sync.resealRewrapped() > 0) {
            LOG.info("Records re-wrapped by a vault-key rotation are pushed under the new key");
        }
        if (push(sync, vaultId)) {
            // Moves the cursor (the high-water mark) past this device's own changes.
            pull(sync, vaultId);
        }
    }

    /**
     * Uploads every wrapped vault key this device holds and the server does not (a vault-key rotation
     * here), before any envelope sealed under it is pushed: other devices fetch it from there.
     */
    private void shareNewKeys(UUID vaultId) {
        Map<Integer, byte[]> local = vault.account().wrappedVaultKeys();
        if (serverKeyVersions != null && serverKeyVersions.containsAll(local.keySet())) {
            return;
        }
        if (serverKeyVersions == null) {
            serverKeyVersions = new HashSet<>(session.wrappedKeys(vaultId).keySet());
        }
        for (Map.Entry<Integer, byte[]> key : local.entrySet()) {
            if (!serverKeyVersions.contains(key.getKey())) {
                session.putWrappedKey(vaultId, key.getKey(), key.getValue());
                serverKeyVersions.add(key.getKey());
                LOG.info("Uploaded vault key version {}", key.getKey());
            }
        }
    }

    /**
     * An envelope names a vault-key version this device does not hold: fetches the server's wrapped keys
     * and adds the new ones, each of which must open under this account's key.
     */
    private void fetchKeys(VaultSync sync) {
        Map<Integer, byte[]> served = session.wrappedKeys(sync.vaultId());
        try {
            vault.account().addWrappedVaultKeys(served);
        } catch (VaultException.Tampered e) {
            throw new SyncException.ServerMisbehaved("a wrapped vault key from the server does not open under "
                    + "this account's key (swapped or foreign)");
        }
        serverKeyVersions = new HashSet<>(served.keySet());
    }

    /** How many records wait to be pushed. */
    public int pendingCount() {
        return vault.sync().pendingCount();
    }

    /**
     * Reads the whole vault from the server (cursor 0) and checks that every record this device has
     * agreed with the server on is still there, at the revision seen or later (tombstones count). A device
     * that has agreed on no record yet has nothing to check and reads nothing.
     */
    public synchronized void verifyServer() {
        VaultSync sync = vault.sync();
        UUID vaultId = sync.vaultId();
        List<SyncBase> bases = sync.bases();
        if (bases.isEmpty()) {
            // Nothing agreed on yet (a new device), so nothing can be missing: the feed is read once, by pull.
            return;
        }
        Map<UUID, Long> servedRevisions = new HashMap<>();
        long after = 0;
        ChangePage page;
        do {
            page = session.pull(vaultId, after, PAGE);
            for (Change change : page.changes()) {
                servedRevisions.merge(recordId(change), change.revision(), Math::max);
            }
            if (page.cursor() < after) {
                throw new SyncException.ServerMisbehaved("the change feed went backwards");
            }
            after = page.cursor();
        } while (page.hasMore() && !page.changes().isEmpty());
        for (SyncBase base : bases) {
            Long revision = servedRevisions.get(base.recordId());
            if (revision == null) {
                throw new SyncException.ServerMisbehaved("record " + base.recordId() + " is missing");
            }
            if (revision < base.revision()) {
                throw new SyncException.ServerMisbehaved("record " + base.recordId() + " is served at revision "
                        + revision + ", older than revision " + base.revision() + " seen before");
            }
        }
    }

    /**
     * Pulls every change after the stored cursor, page by page. The next page is fetched while the current
     * one is applied; a page is fetched only after the one before it passed its checks.
     */
    private void pull(VaultSync sync, UUID vaultId) {
        long cursor = sync.cursor();
        ChangePage page = session.pull(vaultId, cursor, PAGE);
        while (true) {
            if (page.cursor() < cursor) {
                throw new SyncException.ServerMisbehaved("the vault is served older (cursor " + page.cursor()
                        + ") than this device has seen (" + cursor + ")");
            }
            for (Change change : page.changes()) {
                if (change.seq() <= cursor) {
                    throw new SyncException.ServerMisbehaved("a change at or before the cursor was served again");
                }
            }
            boolean more = page.hasMore() && !page.changes().isEmpty();
            CompletableFuture<ChangePage> next = more ? prefetch(vaultId, page.cursor()) : null;
            try {
                pulled += applyPage(sync, page.changes(), page.cursor() == cursor ? null : page.cursor());
            } catch (RuntimeException e) {
                if (next != null) {
                    next.cancel(false);
                }
                throw e;
            }
            cursor = page.cursor();
            for (Progress listener : progressListeners) {
                listener.pulled(cursor, target);
            }
            if (next == null) {
                return;
            }
            page = await(next);
        }
    }

    private CompletableFuture<ChangePage> prefetch(UUID vaultId, long after) {
        return CompletableFuture.supplyAsync(() -> session.pull(vaultId, after, PAGE),
                task -> Thread.ofPlatform().daemon().name("termvault-sync-pull").start(task));
    }

    private static ChangePage await(CompletableFuture<ChangePage> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Applies a page of server changes: checks every change first (nothing is written when one fails), then
     * merges the records changed on both sides (one transaction each), then stores the rest together with
     * the new cursor (null: leave it) in one transaction, so after a crash the cursor never points past a
     * change that was not stored. Returns how many records changed here.
     */
    private int applyPage(VaultSync sync, List<Change> changes, Long newCursor) {
        synchronized (vault) {
            List<UUID> ids = new ArrayList<>(changes.size());
            Set<UUID> seen = new HashSet<>();
            for (Change change : changes) {
                UUID id = recordId(change);
                if (!seen.add(id)) {
                    throw new SyncException.ServerMisbehaved("record " + id + " came twice in one page");
                }
                ids.add(id);
            }
            Map<UUID, SyncState> states = sync.states(ids);
            List<ServedRecord> served = new ArrayList<>(changes.size());
            for (int i = 0; i < changes.size(); i++) {
                Change change = changes.get(i);
                UUID id = ids.get(i);
                OptionalLong base = states.get(id).baseRevision();
                if (base.isPresent() && change.revision() < base.getAsLong()) {
                    throw new SyncException.ServerMisbehaved("record " + id + " is served at revision "
                            + change.revision() + ", older than revision " + base.getAsLong() + " seen before");
                }
                if (base.isPresent() && change.revision() == base.getAsLong()) {
                    continue;
                }
                if (!change.deleted() && change.envelope() == null) {
                    throw new SyncException.ServerMisbehaved("record " + id + " came without its envelope");
                }
                served.add(new ServedRecord(id, change.revision(), change.deleted() ? null : change.envelope()));
            }
            List<RemoteVersion> remotes = open(sync, served);
            List<RemoteVersion> taken = new ArrayList<>(remotes.size());
            for (RemoteVersion remote : remotes) {
                SyncState state = states.get(remote.recordId());
                boolean localChanged = state.localRevision().isPresent() && (state.baseRevision().isEmpty()
                        || state.localRevision().getAsLong() != state.baseRevision().getAsLong());
                if (localChanged) {
                    merge(sync, remote, sync.base(remote.recordId()), sync.local(remote.recordId()).orElseThrow());
                } else {
                    taken.add(remote);
                }
            }
            if (newCursor != null) {
                sync.acceptRemote(taken, newCursor);
            } else if (!taken.isEmpty()) {
                sync.acceptRemote(taken);
            }
            return remotes.size();
        }
    }

    /** Pushes every pending change; whether anything was sent. */
    private boolean push(VaultSync sync, UUID vaultId) {
        for (int round = 0; round < MAX_PUSH_ROUNDS; round++) {
            List<PendingChange> rows = sync.pending(BATCH);
            if (rows.isEmpty()) {
                return round > 0;
            }
            List<PushItem> items = new ArrayList<>(rows.size());
            for (PendingChange row : rows) {
                items.add(new PushItem(row.recordId().toString(), row.baseRevision(), row.revision(),
                        row.deleted() ? null : row.envelope(), row.deleted()));
            }
            PushResponse response = session.push(vaultId, items);
            if (response.results() == null || response.results().size() != rows.size()) {
                throw new SyncException.ServerMisbehaved("the push answer does not match the request");
            }
            List<PendingChange> applied = new ArrayList<>(rows.size());
            List<Change> conflicts = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                PushResult result = response.results().get(i);
                if (!rows.get(i).recordId().toString().equals(result.recordId())) {
                    throw new SyncException.ServerMisbehaved("the push answer does not match the request");
                }
                if (PushResult.APPLIED.equals(result.status())) {
                    applied.add(rows.get(i));
                    pushed++;
                } else if (result.current() != null && result.recordId().equals(result.current().recordId())) {
                    conflicts.add(result.current());
                } else {
                    throw new SyncException.ServerMisbehaved("a conflict came without the current record");
                }
            }
            sync.acknowledge(applied);
            if (!conflicts.isEmpty()) {
                applyPage(sync, conflicts, null);
            }
        }
        LOG.info("Push stopped after {} rounds with changes still pending", MAX_PUSH_ROUNDS);
        return true;
    }

    private void merge(VaultSync sync, RemoteVersion remoteVersion, Optional<SyncBase> base, LocalVersion local) {
        UUID id = remoteVersion.recordId();
        long revision = remoteVersion.revision();
        byte[] envelope = remoteVersion.envelope();
        Item remote = remoteVersion.item();
        Optional<Item> localItem = local.deleted() ? Optional.empty() : sync.localItem(id);
        if (!local.deleted() && localItem.isEmpty()) {
            sync.acceptRemote(List.of(remoteVersion));
            return;
        }
        if (remote == null && localItem.isEmpty()) {
            sync.acceptRemote(List.of(remoteVersion));
        } else if (remote == null) {
            sync.keepMerged(id, revision, null, localItem.get());
            notice(new SyncNotice(SyncNotice.Kind.RESTORED_LOCAL_EDIT, id.toString(), null));
        } else if (localItem.isEmpty()) {
            sync.acceptRemote(List.of(remoteVersion));
            notice(new SyncNotice(SyncNotice.Kind.RESTORED_REMOTE_EDIT, id.toString(), null));
        } else {
            Item baseItem = base.filter(b -> !b.deleted())
                    .map(b -> open(sync, id, b.revision(), b.envelope())).orElse(null);
            FieldMerge.Result result = FieldMerge.merge(baseItem, localItem.get(), remote);
            sync.keepMerged(id, revision, envelope, result.merged());
            if (result.conflictCopy() != null) {
                VaultRecord copy = vault.add(result.conflictCopy());
                notice(new SyncNotice(SyncNotice.Kind.CONFLICT_COPY, id.toString(), copy.id()));
            }
        }
    }

    private List<RemoteVersion> open(VaultSync sync, List<ServedRecord> served) {
        if (served.stream().anyMatch(r -> r.envelope() != null && !sync.holdsKeyFor(r.envelope()))) {
            fetchKeys(sync);
        }
        try {
            return sync.open(served);
        } catch (VaultException.Tampered | VaultException.UnsupportedFormatVersion e) {
            UUID id = e instanceof VaultException.Tampered t ? t.recordId().orElse(null) : null;
            throw new SyncException.ServerMisbehaved("record " + (id == null ? "" : id + " ")
                    + "does not open at the revision served for this vault (a ciphertext moved between records"
                    + " or vaults, or changed)");
        }
    }

    private Item open(VaultSync sync, UUID id, long revision, byte[] envelope) {
        if (envelope == null) {
            return null;
        }
        if (!sync.holdsKeyFor(envelope)) {
            fetchKeys(sync);
        }
        try {
            return sync.open(id, revision, envelope);
        } catch (VaultException.Tampered | VaultException.UnsupportedFormatVersion e) {
            throw new SyncException.ServerMisbehaved("record " + id + " does not open at revision " + revision
                    + " of this vault (a ciphertext moved between records or vaults, or changed)");
        }
    }

    private void notice(SyncNotice notice) {
        LOG.info("Sync: {} ({})", notice.message(), notice.recordId());
        SyncHistory h = history;
        if (h != null) {
            h.record(SyncHistory.Kind.CONFLICT, 1, notice.message(), java.time.Instant.now());
        }
        for (Consumer<SyncNotice> listener : noticeListeners) {
            listener.accept(notice);
        }
    }

    private static UUID recordId(Change change) {
        try {
            return UUID.fromString(change.recordId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SyncException.ServerMisbehaved("a record id is not one this client makes");
        }
    }

    @Override
    public String toString() {
        return "Synchronizer[" + session + "]";
    }
}
