package dev.termvault.app.desktop;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * Every secret (a password, a key) the app copies goes through here: it is put on the clipboard and, after the
 * delay from the settings, taken off again, but only if the clipboard still holds what was copied (something the
 * person copied since is left alone). Locking the vault and closing the app clear it at once, with the same
 * rule. Call it on the UI thread.
 */
public final class SecretClipboard {

    /** The system clipboard, reduced to what this class needs (tests use a plain field). */
    public interface Access {
        /** The text on the clipboard, or null when it holds no text. */
        String text();

        void setText(String text);

        /** Empties the clipboard. */
        void clear();
    }

    private final Access clipboard;
    private final Scheduler scheduler;
    private final Supplier<Duration> delay;
    private String copied;
    private Scheduler.Cancellable pending;

    /**
     * @param clipboard the clipboard
     * @param scheduler runs the clearing later
     * @param delay     how long a secret stays (read at each copy, so a changed setting applies to the next copy)
     */
    public SecretClipboard(Access clipboard, Scheduler scheduler, Supplier<Duration> delay) {
        this.clipboard = Objects.requireNonNull(clipboard);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.delay = Objects.requireNonNull(delay);
    }

    /** The system clipboard, cleared after the delay set in {@code settings}. */
    public static SecretClipboard system(GuiSettings settings) {
        return new SecretClipboard(new SystemAccess(), new FxScheduler(),
                () -> Duration.ofSeconds(settings.clipboardClearSeconds()));
    }

    /** Copies {@code secret} and schedules its removal (an earlier pending removal is replaced). */
    public void copySecret(String secret) {
        Objects.requireNonNull(secret);
        cancelPending();
        clipboard.setText(secret);
        copied = secret;
        pending = scheduler.schedule(delay.get(), this::clearNow);
    }

    /**
     * Takes the copied secret off the clipboard now, if it is still there (on lock, on exit, and when the delay
     * is over). Does nothing when nothing was copied.
     */
    public void clearNow() {
        cancelPending();
        if (copied == null) {
            return;
        }
        if (copied.equals(clipboard.text())) {
            clipboard.clear();
        }
        copied = null;
    }

    /** Whether a copied secret may still be on the clipboard, waiting to be cleared. */
    public boolean holdsSecret() {
        return copied != null;
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    /** The JavaFX system clipboard. */
    private static final class SystemAccess implements Access {
        @Override
        public String text() {
            Clipboard system = Clipboard.getSystemClipboard();
            return system.hasString() ? system.getString() : null;
        }

        @Override
        public void setText(String text) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }

        @Override
        public void clear() {
            Clipboard.getSystemClipboard().clear();
        }
    }
}
