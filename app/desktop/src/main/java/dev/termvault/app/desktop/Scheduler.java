package dev.termvault.app.desktop;

import java.time.Duration;

/**
 * Runs a task once after a delay, on the UI thread. The app uses {@link FxScheduler}; tests use a manual one
 * whose clock they move, so timing logic is tested without sleeping.
 */
public interface Scheduler {

    /** Something scheduled that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        /** Calls the task off; nothing happens if it already ran or was called off. */
        void cancel();
    }

    /** Runs {@code task} once, {@code delay} from now. */
    Cancellable schedule(Duration delay, Runnable task);

    /** The scheduler's clock in nanoseconds (monotonic; only differences mean anything). */
    long nanoTime();
}
