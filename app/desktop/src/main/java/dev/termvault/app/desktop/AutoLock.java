package dev.termvault.app.desktop;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Locks the vault after a time without keyboard or mouse input. Input only records the time (cheap enough for
 * every mouse move); one check is scheduled for the moment the idle time would run out, and when it fires it
 * either locks or, if there was input since, schedules the next check. Call it on the UI thread.
 */
public final class AutoLock {

    private final Scheduler scheduler;
    private final Supplier<Duration> timeout;
    private final Runnable lock;
    private long lastInput;
    private boolean running;
    private Scheduler.Cancellable check;

    /**
     * @param scheduler runs the checks and gives the clock
     * @param timeout   the idle time after which to lock, or {@link Duration#ZERO} for never (read at each check,
     *                  so a changed setting applies from the next input or {@link #restart()})
     * @param lock      locks the vault (the same action as the lock button)
     */
    public AutoLock(Scheduler scheduler, Supplier<Duration> timeout, Runnable lock) {
        this.scheduler = Objects.requireNonNull(scheduler);
        this.timeout = Objects.requireNonNull(timeout);
        this.lock = Objects.requireNonNull(lock);
    }

    /** Starts watching (when the vault is unlocked): the idle time counts from now. */
    public void start() {
        running = true;
        lastInput = scheduler.nanoTime();
        schedule(timeout.get());
    }

    /** Stops watching (when the vault is locked or the app closes). */
    public void stop() {
        running = false;
        cancelCheck();
    }

    /** Starts the count again with the current setting (after the setting changed). */
    public void restart() {
        if (running) {
            cancelCheck();
            start();
        }
    }

    /** A key press, click, scroll or mouse move: the idle time starts again. */
    public void input() {
        if (!running) {
            return;
        }
        lastInput = scheduler.nanoTime();
        if (check == null) {
            schedule(timeout.get());
        }
    }

    public boolean running() {
        return running;
    }

    private void schedule(Duration delay) {
        if (!running || delay.isZero() || delay.isNegative()) {
            return;
        }
        check = scheduler.schedule(delay, this::checkIdle);
    }

    private void checkIdle() {
        check = null;
        if (!running) {
            return;
        }
        Duration limit = timeout.get();
        if (limit.isZero() || limit.isNegative()) {
            return;
        }
        long idle = scheduler.nanoTime() - lastInput;
        long left = limit.toNanos() - idle;
        if (left <= 0) {
            stop();
            lock.run();
        } else {
            schedule(Duration.ofNanos(left));
        }
    }

    private void cancelCheck() {
        if (check != null) {
            check.cancel();
            check = null;
        }
    }
}
