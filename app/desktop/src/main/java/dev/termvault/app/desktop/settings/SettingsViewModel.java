package dev.termvault.app.desktop.settings;

import dev.termvault.app.desktop.GuiSettings;
import dev.termvault.app.desktop.Theme;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Settings: the theme, auto-lock after idle minutes (or never), and how long a copied secret stays on the
 * clipboard. Every change is saved to {@link GuiSettings} at once and applied through the given callbacks.
 */
public final class SettingsViewModel {

    private final GuiSettings settings;
    private final ObjectProperty<Theme> theme;
    private final BooleanProperty autoLockEnabled;
    private final IntegerProperty autoLockMinutes;
    private final IntegerProperty clipboardSeconds;

    /**
     * @param settings      where the values are kept
     * @param applyTheme    shows a chosen theme
     * @param autoLockChanged called after the auto-lock time changed (to start the idle count again)
     */
    public SettingsViewModel(GuiSettings settings, Consumer<Theme> applyTheme, Runnable autoLockChanged) {
        this.settings = Objects.requireNonNull(settings);
        theme = new SimpleObjectProperty<>(settings.theme());
        int minutes = settings.autoLockMinutes();
        autoLockEnabled = new SimpleBooleanProperty(minutes > 0);
        autoLockMinutes = new SimpleIntegerProperty(minutes > 0 ? minutes : GuiSettings.DEFAULT_AUTO_LOCK_MINUTES);
        clipboardSeconds = new SimpleIntegerProperty(settings.clipboardClearSeconds());

        theme.addListener((obs, old, now) -> {
            if (now == null) {
                theme.set(old);
                return;
            }
            settings.setTheme(now);
            applyTheme.accept(now);
        });
        autoLockEnabled.addListener((obs, old, now) -> saveAutoLock(autoLockChanged));
        autoLockMinutes.addListener((obs, old, now) -> {
            int clamped = Math.max(1, Math.min(GuiSettings.MAX_AUTO_LOCK_MINUTES, now.intValue()));
            if (clamped != now.intValue()) {
                autoLockMinutes.set(clamped);
                return;
            }
            saveAutoLock(autoLockChanged);
        });
        clipboardSeconds.addListener((obs, old, now) -> {
            int clamped = Math.max(GuiSettings.MIN_CLIPBOARD_SECONDS,
                    Math.min(GuiSettings.MAX_CLIPBOARD_SECONDS, now.intValue()));
            if (clamped != now.intValue()) {
                clipboardSeconds.set(clamped);
                return;
            }
            settings.setClipboardClearSeconds(clamped);
        });
    }

    private void saveAutoLock(Runnable changed) {
        settings.setAutoLockMinutes(autoLockEnabled.get() ? autoLockMinutes.get() : 0);
        changed.run();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Whether the vault locks itself after {@link #autoLockMinutesProperty()} idle minutes. */
    public BooleanProperty autoLockEnabledProperty() {
        return autoLockEnabled;
    }

    /** Idle minutes before auto-lock (1 and more; kept when auto-lock is switched off). */
    public IntegerProperty autoLockMinutesProperty() {
        return autoLockMinutes;
    }

    /** Seconds a copied secret stays on the clipboard. */
    public IntegerProperty clipboardSecondsProperty() {
        return clipboardSeconds;
    }

    /** Whether the system theme could be detected (else "follow the system" shows the light theme). */
    public static String systemThemeHint(boolean detected) {
        return detected ? "Follow the system: uses your system's light or dark setting, read when the app starts."
                : "Follow the system: your system's setting cannot be read here, so it shows the light theme.";
    }
}
