package dev.termvault.app.desktop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link Scheduler} whose clock only moves when a test says so; due tasks run on the test's thread. */
final class ManualScheduler implements Scheduler {

    private final class Task implements Cancellable {
        final long due;
        final Runnable run;
        boolean cancelled;

        Task(long due, Runnable run) {
            this.due = due;
            this.run = run;
        }

        @Override
        public void cancel() {
            cancelled = true;
            tasks.remove(this);
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private long now = 1_000_000_000L;

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Task scheduled = new Task(now + delay.toNanos(), task);
        tasks.add(scheduled);
        return scheduled;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** Moves the clock forward, running every task that falls due on the way, in order. */
    void advance(Duration by) {
        long end = now + by.toNanos();
        while (true) {
            Task next = tasks.stream().filter(t -> t.due <= end).min(Comparator.comparingLong(t -> t.due)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            now = Math.max(now, next.due);
            next.run.run();
        }
        now = end;
    }

    /** Tasks waiting to run. */
    int pending() {
        return tasks.size();
    }
}
