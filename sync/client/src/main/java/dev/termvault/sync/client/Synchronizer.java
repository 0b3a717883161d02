package dev.termvault.sync.client;

import dev.termvault.sync.protocol.blobs.Change;
import dev.termvault.sync.protocol.blobs.ChangePage;
import dev.termvault.sync.protocol.blobs.PushResponse;
import dev.termvault.sync.protocol.blobs.PushResult;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
 * seen ({@link FeedChecks}, docs/security/sync-integrity.md); a check that fails throws
 * {@link SyncException.ServerMisbehaved} before anything local is overwritten. Resumable: the cursor and the
 * pending state are on disk.
 *
 * <p>This class orchestrates: it makes the requests and hands the answers on. The vault is read and written
 * through {@link PageApplication}, vault keys are carried by {@link KeyExchange}; neither holds a vault lock
 * across a request.
 */
public final class Synchronizer {

    private static final Logger LOG = LoggerFactory.getLogger(Synchronizer.class);
    /** Changes per pull: the most the server sends in one page. */
    static final int PAGE = 1000;
    static final int BATCH = 200;
    private static final int MAX_PUSH_ROUNDS = 50;

    private final Vault vault;
    private final AccountSession session;
    private final KeyExchange keys;
    private final PageApplication pages;
    private final List<Consumer<SyncNotice>> noticeListeners = new CopyOnWriteArrayList<>();
    private final List<Progress> progressListeners = new CopyOnWriteArrayList<>();
    private volatile SyncHistory history;
    private boolean verified;
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
        this.keys = new KeyExchange(vault, session);
        this.pages = new PageApplication(vault, keys, this::notice);
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
            record(SyncHistory.Kind.ERROR, 1, e instanceof SyncException || e instanceof VaultException
                    ? e.getMessage() : "Sync failed: " + e.getClass().getSimpleName());
            throw e;
        } finally {
            if (pulled > 0) {
                record(SyncHistory.Kind.PULL, pulled, pulled == 1 ? "1 change from other devices"
                        : pulled + " changes from other devices");
            }
            if (pushed > 0) {
                record(SyncHistory.Kind.PUSH, pushed, pushed == 1 ? "1 change sent" : pushed + " changes sent");
            }
        }
    }

    private void pass() {
        UUID vaultId = pages.vaultId();
        long highWater = pages.cursor();
        long served = session.vault(vaultId).cursor();
        target = served;
        FeedChecks.cursorNotBehind(served, highWater);
        if (!verified) {
            verifyServer();
            verified = true;
        }
        pull(vaultId);
        keys.shareNewKeys();
        if (pages.resealRewrapped() > 0) {
            LOG.info("Records re-wrapped by a vault-key rotation are pushed under the new key");
        }
        if (push(vaultId)) {
            // Moves the cursor (the high-water mark) past this device's own changes.
            pull(vaultId);
        }
    }

    /** How many records wait to be pushed. */
    public int pendingCount() {
        return pages.pendingCount();
    }

    /**
     * Reads the whole vault from the server (cursor 0) and checks that every record this device has
     * agreed with the server on is still there, at the revision seen or later (tombstones count). A device
     * that has agreed on no record yet has nothing to check and reads nothing.
     */
    public synchronized void verifyServer() {
        Map<UUID, Long> agreed = pages.agreedRevisions();
        if (agreed.isEmpty()) {
            // Nothing agreed on yet (a new device), so nothing can be missing: the feed is read once, by pull.
            return;
        }
        UUID vaultId = pages.vaultId();
        Map<UUID, Long> served = new HashMap<>();
        long after = 0;
        ChangePage page;
        do {
            page = session.pull(vaultId, after, PAGE);
            FeedChecks.cursorNotBehind(page.cursor(), after);
            for (Change change : page.changes()) {
                served.merge(FeedChecks.recordId(change), change.revision(), Math::max);
            }
            after = page.cursor();
        } while (page.hasMore() && !page.changes().isEmpty());
        FeedChecks.noneMissing(agreed.keySet(), served.keySet());
        agreed.forEach((id, revision) -> FeedChecks.notRolledBack(id, served.get(id), OptionalLong.of(revision)));
    }

    /**
     * Pulls every change after the stored cursor, page by page. The next page is fetched while the current
     * one is applied; a page is fetched only after the one before it passed its checks.
     */
    private void pull(UUID vaultId) {
        long cursor = pages.cursor();
        ChangePage page = session.pull(vaultId, cursor, PAGE);
        while (true) {
            FeedChecks.cursorNotBehind(page.cursor(), cursor);
            FeedChecks.changesAfterCursor(page.changes(), cursor);
            boolean more = page.hasMore() && !page.changes().isEmpty();
            CompletableFuture<ChangePage> next = more ? prefetch(vaultId, page.cursor()) : null;
            try {
                pulled += pages.apply(page.changes(),
                        page.cursor() == cursor ? OptionalLong.empty() : OptionalLong.of(page.cursor()));
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

    /** Pushes every pending change; whether anything was sent. */
    private boolean push(UUID vaultId) {
        for (int round = 0; round < MAX_PUSH_ROUNDS; round++) {
            PageApplication.Outbound out = pages.pending(BATCH);
            if (out.items().isEmpty()) {
                return round > 0;
            }
            PushResponse response = session.push(vaultId, out.items());
            FeedChecks.pushAnswerMatches(out.items(), response);
            List<Integer> applied = new ArrayList<>();
            List<Change> conflicts = new ArrayList<>();
            for (int i = 0; i < out.items().size(); i++) {
                PushResult result = response.results().get(i);
                if (PushResult.APPLIED.equals(result.status())) {
                    applied.add(i);
                } else {
                    conflicts.add(FeedChecks.conflictCarriesCurrent(result));
                }
            }
            pages.acknowledge(out, applied);
            pushed += applied.size();
            if (!conflicts.isEmpty()) {
                pages.apply(conflicts, OptionalLong.empty());
            }
        }
        LOG.info("Push stopped after {} rounds with changes still pending", MAX_PUSH_ROUNDS);
        return true;
    }

    private void notice(SyncNotice notice) {
        LOG.info("Sync: {} ({})", notice.message(), notice.recordId());
        record(SyncHistory.Kind.CONFLICT, 1, notice.message());
        for (Consumer<SyncNotice> listener : noticeListeners) {
            listener.accept(notice);
        }
    }

    private void record(SyncHistory.Kind kind, int count, String detail) {
        SyncHistory h = history;
        if (h != null) {
            h.record(kind, count, detail, Instant.now());
        }
    }

    @Override
    public String toString() {
        return "Synchronizer[" + session + "]";
    }
}
