package dev.termvault.app.desktop;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs slow work (key derivation, disk) away from the UI thread and hands the result back on it. The app
 * uses {@link FxTaskExecutor}; view-model tests use {@link CurrentThreadTaskExecutor}, so they need no toolkit.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work}, then {@code onSuccess} with its result or {@code onFailure} with what it threw, both on
     * the UI thread.
     */
    <T> void submit(Supplier<T> work, Consumer<? super T> onSuccess, Consumer<? super RuntimeException> onFailure);
}
