package dev.termvault.sync.server.keys;

import dev.termvault.sync.server.keys.crypto.Secrets;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain over an account's audit log: each entry's hash covers the previous hash, and the account row
 * keeps the newest (seq, hash) as the head, so an edited, inserted, reordered or deleted entry (the newest
 * included) is detected by {@link #verify}.
 */
public final class AuditChain {

    public static final byte[] GENESIS = new byte[32];

    private AuditChain() {
    }

    /** The entry that follows a head of (headSeq, headHash), with its hash computed. */
    public static AuditEntry next(String accountId, long headSeq, byte[] headHash, long atMillis, String deviceId,
                                  String address, AuditEvent event, String detail) {
        AuditEntry draft = new AuditEntry(accountId, headSeq + 1, atMillis, deviceId, address, event.wire(), detail,
                headHash.clone(), null);
        return new AuditEntry(accountId, draft.seq(), atMillis, draft.deviceId(), draft.address(), draft.event(),
                draft.detail(), draft.prevHash(), hash(draft));
    }

    public static byte[] hash(AuditEntry entry) {
        return Secrets.sha256(entry.prevHash(), entry.canonical());
    }

    /**
     * Checks a whole log (entries in seq order, starting at 1) against the head kept beside it.
     *
     * @return empty when intact, else a description of the first break
     */
    public static Optional<String> verify(List<AuditEntry> entries, long headSeq, byte[] headHash) {
        byte[] prev = GENESIS;
        long expected = 1;
        for (AuditEntry e : entries) {
            if (e.seq() != expected) {
                return Optional.of("entry " + expected + " is missing");
            }
            if (!Secrets.same(e.prevHash(), prev)) {
                return Optional.of("entry " + e.seq() + " does not follow entry " + (e.seq() - 1));
            }
            if (!Secrets.same(hash(e), e.hash())) {
                return Optional.of("entry " + e.seq() + " was altered");
            }
            prev = e.hash();
            expected++;
        }
        if (expected - 1 != headSeq || !Secrets.same(prev, headHash)) {
            return Optional.of("the log ends at entry " + (expected - 1) + " but the head is entry " + headSeq);
        }
        return Optional.empty();
    }
}
