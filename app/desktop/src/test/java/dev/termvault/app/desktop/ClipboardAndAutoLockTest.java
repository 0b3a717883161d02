package dev.termvault.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Clipboard clearing and auto-lock, driven by a manual clock: no toolkit, no sleeping. */
class ClipboardAndAutoLockTest {

    /** A clipboard that is a field. */
    private static final class FieldClipboard implements SecretClipboard.Access {
        String text;

        @Override
        public String text() {
            return text;
        }

        @Override
        public void setText(String value) {
            text = value;
        }

        @Override
        public void clear() {
            text = null;
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FieldClipboard board = new FieldClipboard();
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ofSeconds(30));
    private final SecretClipboard clipboard = new SecretClipboard(board, scheduler, delay::get);

    @Test
    void copiedSecret_isClearedAfterTheDelay_notBefore() {
        clipboard.copySecret("hunter2");
        assertThat(board.text).isEqualTo("hunter2");

        scheduler.advance(Duration.ofSeconds(29));
        assertThat(board.text).as("still there at 29 s").isEqualTo("hunter2");
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(board.text).as("gone at 30 s").isNull();
        assertThat(clipboard.holdsSecret()).isFalse();
    }

    @Test
    void somethingCopiedSince_isLeftAlone() {
        clipboard.copySecret("hunter2");
        board.setText("a line the person copied from a terminal");

        scheduler.advance(Duration.ofSeconds(30));
        assertThat(board.text).isEqualTo("a line the person copied from a terminal");
        clipboard.clearNow();
        assertThat(board.text).as("lock does not clear it either").isEqualTo("a line the person copied from a terminal");
    }

    @Test
    void aSecondCopy_restartsTheDelay_andOnlyTheLastIsCleared() {
        clipboard.copySecret("first");
        scheduler.advance(Duration.ofSeconds(20));
        clipboard.copySecret("second");
        scheduler.advance(Duration.ofSeconds(20));
        assertThat(board.text).as("the first timer was called off").isEqualTo("second");
        assertThat(scheduler.pending()).isEqualTo(1);
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(board.text).isNull();
    }

    @Test
    void lockOrExit_clearsAtOnce_andCallsTheTimerOff() {
        clipboard.copySecret("hunter2");
        clipboard.clearNow();
        assertThat(board.text).isNull();
        assertThat(scheduler.pending()).isZero();

        board.setText("copied later");
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(board.text).isEqualTo("copied later");
    }

    @Test
    void theDelayComesFromTheSettingAtEachCopy() {
        delay.set(Duration.ofSeconds(5));
        clipboard.copySecret("short");
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(board.text).isNull();
    }

    private final AtomicInteger locks = new AtomicInteger();
    private final AtomicReference<Duration> timeout = new AtomicReference<>(Duration.ofMinutes(10));
    private final AutoLock autoLock = new AutoLock(scheduler, timeout::get, locks::incrementAndGet);

    @Test
    void noInputForTheIdleTime_locksOnce() {
        autoLock.start();
        scheduler.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(locks).hasValue(0);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(locks).hasValue(1);
        assertThat(autoLock.running()).isFalse();
        scheduler.advance(Duration.ofHours(1));
        assertThat(locks).as("locks once, then waits for the next unlock").hasValue(1);
    }

    @Test
    void input_pushesTheLockBack_withoutSchedulingPerEvent() {
        autoLock.start();
        for (int minute = 1; minute <= 30; minute++) {
            scheduler.advance(Duration.ofMinutes(1));
            autoLock.input();
            autoLock.input();
        }
        assertThat(locks).as("input every minute for half an hour").hasValue(0);
        assertThat(scheduler.pending()).as("one check pending, not one per input").isEqualTo(1);

        scheduler.advance(Duration.ofMinutes(10));
        assertThat(locks).hasValue(1);
    }

    @Test
    void inputJustBeforeTheCheck_countsFromTheInput() {
        autoLock.start();
        scheduler.advance(Duration.ofMinutes(9));
        autoLock.input();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(locks).as("only 1 minute idle when the first check fires").hasValue(0);
        scheduler.advance(Duration.ofMinutes(8).plusSeconds(59));
        assertThat(locks).hasValue(0);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(locks).hasValue(1);
    }

    @Test
    void off_neverLocks_andSwitchingOnAppliesAfterRestart() {
        timeout.set(Duration.ZERO);
        autoLock.start();
        autoLock.input();
        scheduler.advance(Duration.ofDays(1));
        assertThat(locks).hasValue(0);
        assertThat(scheduler.pending()).isZero();

        timeout.set(Duration.ofMinutes(1));
        autoLock.restart();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(locks).hasValue(1);
    }

    @Test
    void shorterSetting_appliesFromRestart() {
        autoLock.start();
        scheduler.advance(Duration.ofMinutes(3));
        timeout.set(Duration.ofMinutes(2));
        autoLock.restart();
        scheduler.advance(Duration.ofMinutes(2));
        assertThat(locks).hasValue(1);
    }

    @Test
    void stopped_whileLocked_ignoresInputAndTime() {
        autoLock.start();
        autoLock.stop();
        autoLock.input();
        scheduler.advance(Duration.ofHours(2));
        assertThat(locks).hasValue(0);
        assertThat(scheduler.pending()).isZero();
    }
}
