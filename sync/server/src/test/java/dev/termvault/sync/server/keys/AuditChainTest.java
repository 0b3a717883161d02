package dev.termvault.sync.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private final List<AuditEntry> log = new ArrayList<>();

    @BeforeEach
    void writeLog() {
        byte[] head = AuditChain.GENESIS;
        AuditEvent[] events = {AuditEvent.SIGNUP, AuditEvent.LOGIN, AuditEvent.SHARE_RELEASED, AuditEvent.DEVICE_ADDED};
        for (int i = 0; i < events.length; i++) {
            AuditEntry e = AuditChain.next("acct", i, head, 1_000L * i, "dev1", "127.0.0.1", events[i], "");
            log.add(e);
            head = e.hash();
        }
    }

    private long headSeq() {
        return log.getLast().seq();
    }

    private byte[] headHash() {
        return log.getLast().hash();
    }

    @Test
    void verify_intactLog_passes() {
        assertThat(AuditChain.verify(log, headSeq(), headHash())).isEmpty();
    }

    @Test
    void verify_editedEntry_isDetected() {
        AuditEntry e = log.get(1);
        log.set(1, new AuditEntry(e.accountId(), e.seq(), e.atMillis(), e.deviceId(), "10.9.9.9", e.event(),
                e.detail(), e.prevHash(), e.hash()));

        assertThat(AuditChain.verify(log, headSeq(), headHash())).hasValue("entry 2 was altered");
    }

    @Test
    void verify_editedEntryWithRecomputedHash_breaksTheNextLink() {
        AuditEntry e = log.get(1);
        AuditEntry forged = new AuditEntry(e.accountId(), e.seq(), e.atMillis(), e.deviceId(), e.address(),
                AuditEvent.LOGIN_FAILED.wire(), e.detail(), e.prevHash(), null);
        log.set(1, new AuditEntry(forged.accountId(), forged.seq(), forged.atMillis(), forged.deviceId(),
                forged.address(), forged.event(), forged.detail(), forged.prevHash(), AuditChain.hash(forged)));

        assertThat(AuditChain.verify(log, headSeq(), headHash())).hasValue("entry 3 does not follow entry 2");
    }

    @Test
    void verify_deletedEntry_isDetected() {
        log.remove(2);

        assertThat(AuditChain.verify(log, headSeq(), headHash())).hasValue("entry 3 is missing");
    }

    @Test
    void verify_deletedNewestEntry_isDetectedByTheHead() {
        long seq = headSeq();
        byte[] hash = headHash();
        log.removeLast();

        assertThat(AuditChain.verify(log, seq, hash)).get().asString().contains("head is entry 4");
    }
}
