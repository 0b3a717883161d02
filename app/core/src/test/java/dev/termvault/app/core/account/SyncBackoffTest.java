package dev.termvault.app.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.sync.client.BackgroundSync;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one backoff policy of sync (a pass in BackgroundSync, a login in SyncSession): its schedule. */
class SyncBackoffTest {

    private static final BackgroundSync.Timing TIMING = new BackgroundSync.Timing(Duration.ofMinutes(5),
            Duration.ofSeconds(15), Duration.ofMillis(500), Duration.ofMinutes(2));

    @Test
    void backoffStep_doublesFromTheMinimumAndStopsAtTheMaximum() {
        assertThat(TIMING.backoffStep(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(TIMING.backoffStep(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(TIMING.backoffStep(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(TIMING.backoffStep(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(TIMING.backoffStep(8)).isEqualTo(Duration.ofSeconds(64));
        assertThat(TIMING.backoffStep(9)).isEqualTo(Duration.ofMinutes(2));
        assertThat(TIMING.backoffStep(SyncSession.REFUSED)).as("a refused login waits the longest step")
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(TIMING.backoffStep(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(2));
        assertThat(TIMING.backoffStep(0)).as("no failure yet: the minimum").isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void backoff_isJitteredBetweenHalfAndAllOfTheStep() {
        for (int failures = 1; failures <= 12; failures++) {
            Duration step = TIMING.backoffStep(failures);
            for (int i = 0; i < 50; i++) {
                assertThat(TIMING.backoff(failures)).isBetween(step.dividedBy(2), step);
            }
        }
    }
}
