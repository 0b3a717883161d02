package dev.termvault.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.sync.protocol.blobs.Change;
import dev.termvault.sync.protocol.blobs.PushItem;
import dev.termvault.sync.protocol.blobs.PushResponse;
import dev.termvault.sync.protocol.blobs.PushResult;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One test pair per rule of docs/security/sync-integrity.md ("Feed checks"): the lie is refused, the truth passes. */
class FeedChecksTest {

    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    private static final byte[] ENVELOPE = {1, 2, 3};

    private static Change change(UUID id, long revision, long seq) {
        return new Change(id.toString(), revision, seq, ENVELOPE, false);
    }

    private static PushItem item(UUID id) {
        return new PushItem(id.toString(), 1, 2, ENVELOPE, false);
    }

    @Test
    void notRolledBack_revisionBelowTheAgreedOne_isRefused() {
        assertThatThrownBy(() -> FeedChecks.notRolledBack(A, 3, OptionalLong.of(4)))
                .isInstanceOf(SyncException.ServerMisbehaved.class).hasMessageContaining("older than revision 4");
    }

    @Test
    void notRolledBack_sameOrNewerRevisionOrNothingAgreed_passes() {
        assertThatCode(() -> {
            FeedChecks.notRolledBack(A, 4, OptionalLong.of(4));
            FeedChecks.notRolledBack(A, 5, OptionalLong.of(4));
            FeedChecks.notRolledBack(A, 1, OptionalLong.empty());
        }).doesNotThrowAnyException();
    }

    @Test
    void noneMissing_anAgreedRecordLeftOut_isRefused() {
        assertThatThrownBy(() -> FeedChecks.noneMissing(Set.of(A, B), Set.of(A)))
                .isInstanceOf(SyncException.ServerMisbehaved.class).hasMessageContaining(B + " is missing");
    }

    @Test
    void noneMissing_everyAgreedRecordServed_passes() {
        assertThatCode(() -> FeedChecks.noneMissing(Set.of(A), Set.of(A, B))).doesNotThrowAnyException();
    }

    @Test
    void cursorNotBehind_cursorBelowTheOneSeen_isRefused() {
        assertThatThrownBy(() -> FeedChecks.cursorNotBehind(9, 10))
                .isInstanceOf(SyncException.ServerMisbehaved.class).hasMessageContaining("served older");
    }

    @Test
    void cursorNotBehind_sameOrLaterCursor_passes() {
        assertThatCode(() -> {
            FeedChecks.cursorNotBehind(10, 10);
            FeedChecks.cursorNotBehind(11, 10);
        }).doesNotThrowAnyException();
    }

    @Test
    void changesAfterCursor_aChangeAtTheCursor_isRefused() {
        assertThatThrownBy(() -> FeedChecks.changesAfterCursor(List.of(change(A, 1, 11), change(B, 1, 10)), 10))
                .isInstanceOf(SyncException.ServerMisbehaved.class).hasMessageContaining("served again");
    }

    @Test
    void changesAfterCursor_allAfterTheCursor_passes() {
        assertThatCode(() -> FeedChecks.changesAfterCursor(List.of(change(A, 1, 11), change(B, 1, 12)), 10))
                .doesNotThrowAnyException();
    }

    @Test
    void distinctRecords_aRecordTwice_isRefused() {
        assertThatThrownBy(() -> FeedChecks.distinctRecords(List.of(A, B, A)))
                .isInstanceOf(SyncException.ServerMisbehaved.class).hasMessageContaining("came twice");
    }

    @Test
    void distinctRecords_eachOnce_passes() {
        assertThatCode(() -> FeedChecks.distinctRecords(List.of(A, B))).doesNotThrowAnyException();
    }

    @Test
    void recordId_notAUuidOrMissing_isRefused() {
        assertThatThrownBy(() -> FeedChecks.recordId(new Change("../other-vault", 1, 1, ENVELOPE, false)))
                .isInstanceOf(SyncException.ServerMisbehaved.class).hasMessageContaining("record id");
        assertThatThrownBy(() -> FeedChecks.recordId(new Change(null, 1, 1, ENVELOPE, false)))
                .isInstanceOf(SyncException.ServerMisbehaved.class).hasMessageContaining("record id");
    }

    @Test
    void recordId_aUuid_isReturned() {
        assertThat(FeedChecks.recordId(change(A, 1, 1))).isEqualTo(A);
    }

    @Test
    void carriesEnvelope_aLiveChangeWithoutOne_isRefused() {
        assertThatThrownBy(() -> FeedChecks.carriesEnvelope(A, new Change(A.toString(), 2, 5, null, false)))
                .isInstanceOf(SyncException.ServerMisbehaved.class).hasMessageContaining("without its envelope");
    }

    @Test
    void carriesEnvelope_aLiveChangeWithOneOrATombstone_passes() {
        assertThatCode(() -> {
            FeedChecks.carriesEnvelope(A, change(A, 2, 5));
            FeedChecks.carriesEnvelope(A, new Change(A.toString(), 2, 5, null, true));
        }).doesNotThrowAnyException();
    }

    @Test
    void pushAnswerMatches_missingReorderedOrAbsentResults_areRefused() {
        List<PushItem> sent = List.of(item(A), item(B));
        List<PushResponse> lies = List.of(
                new PushResponse(List.of(PushResult.applied(A.toString(), 1)), 1),
                new PushResponse(List.of(PushResult.applied(B.toString(), 1), PushResult.applied(A.toString(), 2)), 2),
                new PushResponse(null, 2));
        for (PushResponse lie : lies) {
            assertThatThrownBy(() -> FeedChecks.pushAnswerMatches(sent, lie))
                    .isInstanceOf(SyncException.ServerMisbehaved.class).hasMessageContaining("does not match");
        }
    }

    @Test
    void pushAnswerMatches_oneResultPerItemInOrder_passes() {
        PushResponse answer = new PushResponse(List.of(PushResult.applied(A.toString(), 1),
                PushResult.conflict(B.toString(), change(B, 3, 2))), 2);
        assertThatCode(() -> FeedChecks.pushAnswerMatches(List.of(item(A), item(B)), answer))
                .doesNotThrowAnyException();
    }

    @Test
    void conflictCarriesCurrent_noCurrentOrAnotherRecords_isRefused() {
        for (PushResult lie : List.of(PushResult.conflict(A.toString(), null),
                PushResult.conflict(A.toString(), change(B, 3, 2)))) {
            assertThatThrownBy(() -> FeedChecks.conflictCarriesCurrent(lie))
                    .isInstanceOf(SyncException.ServerMisbehaved.class).hasMessageContaining("without the current");
        }
    }

    @Test
    void conflictCarriesCurrent_itsOwnCurrentRecord_isReturned() {
        Change current = change(A, 3, 2);
        assertThat(FeedChecks.conflictCarriesCurrent(PushResult.conflict(A.toString(), current))).isSameAs(current);
    }
}
