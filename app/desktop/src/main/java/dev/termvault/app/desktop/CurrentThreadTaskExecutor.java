package dev.termvault.app.desktop;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** Runs the work and its callback on the calling thread, before {@link #submit} returns. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> void submit(Supplier<T> work, Consumer<? super T> onSuccess,
            Consumer<? super RuntimeException> onFailure) {
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
