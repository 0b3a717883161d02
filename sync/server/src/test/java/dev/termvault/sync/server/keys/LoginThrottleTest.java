package dev.termvault.sync.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.sync.server.keys.store.ThrottleStore;
import dev.termvault.sync.server.store.Database;
import dev.termvault.sync.server.support.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The failed-login back-off on a real store, SQLite and PostgreSQL, as two instances sharing it would see it. */
class LoginThrottleTest {

    @TempDir
    Path dir;
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
    private Database db;
    private LoginThrottle throttle;

    private LoginThrottle open(Backend backend) {
        db = Database.open("keys", backend.settings(dir, "keys", cleanup));
        throttle = instance();
        return throttle;
    }

    /** Another key service instance on the same store. */
    private LoginThrottle instance() {
        return new LoginThrottle(new ThrottleStore(db), clock, LoginThrottle.DEFAULTS, UnaryOperator.identity());
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

    @ParameterizedTest
    @EnumSource(Backend.class)
    void failures_upToTheLimitAreFree_thenBackoffDoubles_forThatAccountFromThatAddress(Backend backend) {
        open(backend);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.1")).isZero();
            throttle.failure("a@x", "10.0.0.1");
        }
        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.1")).isZero();
        throttle.failure("a@x", "10.0.0.1");
        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.1")).isEqualTo(1);
        throttle.failure("a@x", "10.0.0.1");
        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.1")).isEqualTo(2);
        throttle.failure("a@x", "10.0.0.1");
        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.1")).isEqualTo(4);
        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.9")).as("the owner elsewhere is not locked").isZero();

        clock.advance(Duration.ofSeconds(4));
        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.1")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aStrangersFailuresFromManyAddresses_neverLockTheOwnersAddress(Backend backend) {
        open(backend);
        for (int address = 1; address <= 10; address++) {
            for (int i = 0; i < 12; i++) {
                throttle.failure("owner@x", "10.9.0." + address);
            }
        }

        assertThat(throttle.retryAfterSeconds("owner@x", "10.9.0.1")).isPositive();
        assertThat(throttle.retryAfterSeconds("owner@x", "192.0.2.7")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void success_resetsThatPair_only(Backend backend) {
        open(backend);
        for (int i = 0; i < 7; i++) {
            throttle.failure("a@x", "10.0.0.1");
            throttle.failure("a@x", "10.0.0.2");
        }
        throttle.success("a@x", "10.0.0.1");

        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.1")).isZero();
        throttle.failure("a@x", "10.0.0.1");
        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.1")).isZero();
        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.2")).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void oneAddressGuessingManyAccounts_isThrottledByAddress(Backend backend) {
        open(backend);
        for (int i = 0; i < 21; i++) {
            throttle.failure("user" + i + "@x", "10.6.6.6");
        }

        assertThat(throttle.retryAfterSeconds("fresh@x", "10.6.6.6")).isPositive();
        assertThat(throttle.retryAfterSeconds("fresh@x", "10.0.0.1")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void ipv6Addresses_countPerSlash64(Backend backend) {
        open(backend);
        for (int i = 0; i < 21; i++) {
            throttle.failure("user" + i + "@x", "2001:db8:1:2:0:0:0:" + Integer.toHexString(i + 1));
        }

        assertThat(throttle.retryAfterSeconds("fresh@x", "2001:db8:1:2:ffff:1:2:3")).isPositive();
        assertThat(throttle.retryAfterSeconds("fresh@x", "2001:db8:1:3::1")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void backoff_isCappedAtTheMaximum_andForgottenAfterIt(Backend backend) {
        open(backend);
        for (int i = 0; i < 40; i++) {
            throttle.failure("a@x", "10.0.0.1");
        }

        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.1")).isEqualTo(Duration.ofMinutes(15).toSeconds());
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        throttle.failure("a@x", "10.0.0.1");
        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.1")).as("counting starts again").isZero();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void twoInstancesOnOneStore_shareTheCounters(Backend backend) {
        open(backend);
        LoginThrottle other = instance();
        for (int i = 0; i < 3; i++) {
            throttle.failure("a@x", "10.0.0.1");
            other.failure("a@x", "10.0.0.1");
        }

        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.1")).isEqualTo(1);
        assertThat(other.retryAfterSeconds("a@x", "10.0.0.1")).isEqualTo(1);
        other.success("a@x", "10.0.0.1");
        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.1")).isZero();
    }
}
