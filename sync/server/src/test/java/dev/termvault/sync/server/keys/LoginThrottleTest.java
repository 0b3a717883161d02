package dev.termvault.sync.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, LoginThrottle.DEFAULTS);

    @Test
    void failures_upToTheLimitAreFree_thenBackoffDoubles() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.1")).isZero();
            throttle.failure("a@x", "10.0.0.1");
        }
        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.1")).isZero();
        throttle.failure("a@x", "10.0.0.1");
        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.1")).isEqualTo(1);
        throttle.failure("a@x", "10.0.0.1");
        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.9")).as("another address, same account").isEqualTo(2);
        throttle.failure("a@x", "10.0.0.1");
        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.1")).isEqualTo(4);

        clock.advance(Duration.ofSeconds(4));
        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.1")).isZero();
    }

    @Test
    void success_resetsTheAccountCounter() {
        for (int i = 0; i < 7; i++) {
            throttle.failure("a@x", "10.0.0.1");
        }
        throttle.success("a@x");

        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.2")).isZero();
        throttle.failure("a@x", "10.0.0.2");
        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.2")).isZero();
    }

    @Test
    void oneAddressGuessingManyAccounts_isThrottledByAddress() {
        for (int i = 0; i < 21; i++) {
            throttle.failure("user" + i + "@x", "10.6.6.6");
        }

        assertThat(throttle.retryAfterSeconds("fresh@x", "10.6.6.6")).isPositive();
        assertThat(throttle.retryAfterSeconds("fresh@x", "10.0.0.1")).isZero();
    }

    @Test
    void backoff_isCappedAtTheMaximum() {
        for (int i = 0; i < 40; i++) {
            throttle.failure("a@x", "10.0.0.1");
        }

        assertThat(throttle.retryAfterSeconds("a@x", "10.0.0.1")).isEqualTo(Duration.ofMinutes(15).toSeconds());
    }
}
