package dev.termvault.app.desktop;

import java.time.Duration;
import javafx.animation.PauseTransition;

/** A {@link Scheduler} on the JavaFX application thread, with the system's monotonic clock. Call it on that thread. */
public final class FxScheduler implements Scheduler {

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(Math.max(1, delay.toMillis())));
        pause.setOnFinished(e -> task.run());
        pause.play();
        return pause::stop;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }
}
