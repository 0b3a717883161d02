package dev.termvault.sync.client;

import dev.termvault.sync.protocol.blobs.Change;
import dev.termvault.sync.protocol.blobs.PushItem;
import dev.termvault.sync.protocol.blobs.PushResponse;
import dev.termvault.sync.protocol.blobs.PushResult;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * What the device refuses from the blob service's answers, one method per rule of
 * docs/security/sync-integrity.md ("Feed checks"), as pure functions over what was served and what this
 * device has seen. Each throws {@link SyncException.ServerMisbehaved} with a message safe to show; the
 * callers run them before anything local is written.
 *
 * <p>The check that a ciphertext was not moved needs the vault key and is the vault's
 * ({@code VaultSync.open}); {@link PageApplication} refuses what fails it.
 */
final class FeedChecks {

    private FeedChecks() {
    }

    /**
     * Rule 1, a record served at an older revision than seen: {@code servedRevision} must not be below the
     * revision this device last agreed on with the server for that record (none: anything goes).
     */
    static void notRolledBack(UUID recordId, long servedRevision, OptionalLong agreedRevision) {
        if (agreedRevision.isPresent() && servedRevision < agreedRevision.getAsLong()) {
            throw new SyncException.ServerMisbehaved("record " + recordId + " is served at revision "
                    + servedRevision + ", older than revision " + agreedRevision.getAsLong() + " seen before");
        }
    }

    /**
     * Rule 2, a record silently missing: every record this device agreed on with the server must be in the
     * full feed (tombstones count).
     */
    static void noneMissing(Set<UUID> agreed, Set<UUID> served) {
        for (UUID recordId : agreed) {
            if (!served.contains(recordId)) {
                throw new SyncException.ServerMisbehaved("record " + recordId + " is missing");
            }
        }
    }

    /**
     * Rule 4, a vault served older than a state this device has seen: a cursor from the server (the vault's,
     * or the end of a page) must not be below the one this device holds or asked after.
     */
    static void cursorNotBehind(long servedCursor, long seenCursor) {
        if (servedCursor < seenCursor) {
            throw new SyncException.ServerMisbehaved("the vault is served older (cursor " + servedCursor
                    + ") than this device has seen (" + seenCursor + ")");
        }
    }

    /** Rule 5, a change served again: every change in a page must come after the cursor asked after. */
    static void changesAfterCursor(List<Change> changes, long cursor) {
        for (Change change : changes) {
            if (change.seq() <= cursor) {
                throw new SyncException.ServerMisbehaved("a change at or before the cursor was served again");
            }
        }
    }

    /** Rule 6, a record twice in one page: the feed is compacted, so each record comes at most once. */
    static void distinctRecords(List<UUID> recordIds) {
        Set<UUID> seen = new HashSet<>();
        for (UUID id : recordIds) {
            if (!seen.add(id)) {
                throw new SyncException.ServerMisbehaved("record " + id + " came twice in one page");
            }
        }
    }

    /** Rule 7, a record id this client does not make: every served id must be a UUID. */
    static UUID recordId(Change change) {
        try {
            return UUID.fromString(change.recordId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SyncException.ServerMisbehaved("a record id is not one this client makes");
        }
    }

    /** Rule 8, a record without its envelope: a change that is not a deletion must carry one. */
    static void carriesEnvelope(UUID recordId, Change change) {
        if (!change.deleted() && change.envelope() == null) {
            throw new SyncException.ServerMisbehaved("record " + recordId + " came without its envelope");
        }
    }

    /**
     * Rule 9, a push answer that does not match the request: one result per item sent, in the same order,
     * each naming the record of its item.
     */
    static void pushAnswerMatches(List<PushItem> sent, PushResponse answer) {
        List<PushResult> results = answer.results();
        boolean matches = results != null && results.size() == sent.size();
        for (int i = 0; matches && i < sent.size(); i++) {
            matches = results.get(i) != null && sent.get(i).recordId().equals(results.get(i).recordId());
        }
        if (!matches) {
            throw new SyncException.ServerMisbehaved("the push answer does not match the request");
        }
    }

    /**
     * Rule 10, a conflict without the current record: a pushed item that was not applied must come back
     * with the record as the server holds it, for the merge.
     *
     * @return that current record
     */
    static Change conflictCarriesCurrent(PushResult result) {
        if (result.current() == null || result.recordId() == null
                || !result.recordId().equals(result.current().recordId())) {
            throw new SyncException.ServerMisbehaved("a conflict came without the current record");
        }
        return result.current();
    }
}
