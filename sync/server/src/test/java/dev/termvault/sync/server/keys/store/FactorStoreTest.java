package dev.termvault.sync.server.keys.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.sync.protocol.keys.WireKdfParams;
import dev.termvault.sync.server.keys.AuditEvent;
import dev.termvault.sync.server.keys.AuditVerifier;
import dev.termvault.sync.server.keys.FakeClock;
import dev.termvault.sync.server.keys.crypto.WrappedKey;
import dev.termvault.sync.server.store.Database;
import dev.termvault.sync.server.support.Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The second-factor tables (keys V2) on SQLite and on PostgreSQL: pending, confirm, replay, recovery codes. */
class FactorStoreTest {

    @TempDir
    Path dir;
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T10:00:00Z"));
    private Database db;
    private AccountStore accounts;
    private FactorStore factors;

    private void open(Backend backend) {
        db = Database.open("keys", backend.settings(dir, "keys", cleanup));
        accounts = new AccountStore(db, clock);
        factors = new FactorStore(db, clock);
        accounts.create(new AccountRecord("acct", "a@x.org", new byte[16], new WireKdfParams("argon2id", 65536, 3, 4),
                new byte[] {7}, new WrappedKey(1, new byte[] {1, 2, 3}), 1L),
                new DeviceRecord("dev", "acct", "Laptop", 1, 1, null), List.of(draft(AuditEvent.SIGNUP)));
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    private static AuditDraft draft(AuditEvent e) {
        return new AuditDraft(e, "dev", "10.0.0.1", "totp");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void pendingThenConfirmed_aStepIsAcceptedOnce_andOnlyALaterOne(Backend backend) {
        open(backend);
        assertThat(factors.putPending("acct", "totp", new byte[] {1}, draft(AuditEvent.SECOND_FACTOR_ENROLLED))).isTrue();
        assertThat(factors.putPending("acct", "totp", new byte[] {2}, draft(AuditEvent.SECOND_FACTOR_ENROLLED)))
                .as("an unconfirmed factor is replaced").isTrue();
        assertThat(factors.list("acct")).singleElement().satisfies(f -> {
            assertThat(f.secret()).containsExactly(2);
            assertThat(f.active()).isFalse();
        });

        assertThat(factors.confirm("acct", "totp", 100, List.of(new byte[] {9}, new byte[] {8}),
                draft(AuditEvent.SECOND_FACTOR_CONFIRMED))).isTrue();
        assertThat(factors.confirm("acct", "totp", 101, List.of(), draft(AuditEvent.SECOND_FACTOR_CONFIRMED)))
                .as("only a pending factor is confirmed").isFalse();
        assertThat(factors.putPending("acct", "totp", new byte[] {3}, draft(AuditEvent.SECOND_FACTOR_ENROLLED)))
                .as("an active factor is not replaced").isFalse();

        assertThat(factors.advance("acct", "totp", 100, draft(AuditEvent.SECOND_FACTOR_ACCEPTED))).isFalse();
        assertThat(factors.advance("acct", "totp", 101, draft(AuditEvent.SECOND_FACTOR_ACCEPTED))).isTrue();
        assertThat(factors.advance("acct", "totp", 101, draft(AuditEvent.SECOND_FACTOR_ACCEPTED))).isFalse();
        assertThat(factors.advance("acct", "totp", 99, draft(AuditEvent.SECOND_FACTOR_ACCEPTED))).isFalse();
        assertThat(factors.list("acct")).singleElement().satisfies(f -> assertThat(f.counter()).isEqualTo(101));
        assertThat(new AuditVerifier(accounts).verify("acct")).isEmpty();
        assertThat(accounts.auditHead("acct").seq()).as("signup, 2 enrolled, confirmed, 1 accepted").isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void recoveryCode_isSpentOnce_andRemovalDeletesEverything(Backend backend) {
        open(backend);
        factors.putPending("acct", "totp", new byte[] {1}, draft(AuditEvent.SECOND_FACTOR_ENROLLED));
        factors.confirm("acct", "totp", 1, List.of(new byte[] {9}, new byte[] {8}),
                draft(AuditEvent.SECOND_FACTOR_CONFIRMED));

        assertThat(factors.useRecoveryCode("acct", new byte[] {9}, draft(AuditEvent.RECOVERY_CODE_USED))).hasValue(1);
        assertThat(factors.useRecoveryCode("acct", new byte[] {9}, draft(AuditEvent.RECOVERY_CODE_USED))).isEmpty();
        assertThat(factors.useRecoveryCode("acct", new byte[] {7}, draft(AuditEvent.RECOVERY_CODE_USED))).isEmpty();
        assertThat(factors.recoveryCodesLeft("acct")).isEqualTo(1);

        assertThat(factors.removeAll("acct", draft(AuditEvent.SECOND_FACTOR_REMOVED))).isTrue();
        assertThat(factors.removeAll("acct", draft(AuditEvent.SECOND_FACTOR_REMOVED))).isFalse();
        assertThat(factors.list("acct")).isEmpty();
        assertThat(factors.recoveryCodesLeft("acct")).isZero();
        assertThat(new AuditVerifier(accounts).verify("acct")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theSameStepFromManyRequestsAtOnce_isAcceptedExactlyOnce(Backend backend) throws Exception {
        open(backend);
        factors.putPending("acct", "totp", new byte[] {1}, draft(AuditEvent.SECOND_FACTOR_ENROLLED));
        factors.confirm("acct", "totp", 1, List.of(new byte[] {9}), draft(AuditEvent.SECOND_FACTOR_CONFIRMED));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> same = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                same.add(() -> factors.advance("acct", "totp", 2, draft(AuditEvent.SECOND_FACTOR_ACCEPTED)));
                same.add(() -> factors.useRecoveryCode("acct", new byte[] {9}, draft(AuditEvent.RECOVERY_CODE_USED))
                        .isPresent());
            }
            int steps = 0;
            int codes = 0;
            List<Future<Boolean>> results = pool.invokeAll(same);
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).get()) {
                    if (i % 2 == 0) {
                        steps++;
                    } else {
                        codes++;
                    }
                }
            }
            assertThat(steps).isEqualTo(1);
            assertThat(codes).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(new AuditVerifier(accounts).verify("acct")).isEmpty();
    }
}
