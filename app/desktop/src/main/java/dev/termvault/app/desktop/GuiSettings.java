package dev.termvault.app.desktop;

import dev.termvault.vault.VaultFolder;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's own settings (nothing secret), in {@code gui.properties} inside the vault folder. A missing
 * or unreadable file means the defaults; a missing or bad value means that value's default.
 */
public final class GuiSettings {

    private static final Logger LOG = LoggerFactory.getLogger(GuiSettings.class);
    private static final String THEME = "theme";
    private static final String AUTO_LOCK = "autoLockMinutes";
    private static final String CLIPBOARD = "clipboardClearSeconds";
    private static final String WINDOW = "window";

    /** Auto-lock after this many idle minutes unless set otherwise. */
    public static final int DEFAULT_AUTO_LOCK_MINUTES = 10;
    /** The longest auto-lock time that can be set. */
    public static final int MAX_AUTO_LOCK_MINUTES = 24 * 60;
    /** A copied secret is cleared after this many seconds unless set otherwise. */
    public static final int DEFAULT_CLIPBOARD_SECONDS = 30;
    /** The shortest and longest clipboard times that can be set. */
    public static final int MIN_CLIPBOARD_SECONDS = 5;
    public static final int MAX_CLIPBOARD_SECONDS = 600;

    private final Path file;
    private Theme theme;
    private int autoLockMinutes;
    private int clipboardClearSeconds;
    private WindowBounds window;

    private GuiSettings(Path file, Properties properties) {
        this.file = file;
        String themeName = properties.getProperty(THEME, "").trim().toLowerCase(Locale.ROOT);
        this.theme = switch (themeName) {
            case "dark" -> Theme.DARK;
            case "system" -> Theme.SYSTEM;
            default -> Theme.LIGHT;
        };
        this.autoLockMinutes = number(properties, AUTO_LOCK, DEFAULT_AUTO_LOCK_MINUTES, 0, MAX_AUTO_LOCK_MINUTES);
        this.clipboardClearSeconds = number(properties, CLIPBOARD, DEFAULT_CLIPBOARD_SECONDS, MIN_CLIPBOARD_SECONDS,
                MAX_CLIPBOARD_SECONDS);
        this.window = bounds(properties.getProperty(WINDOW));
    }

    /** Reads the settings kept in {@code vaultDirectory}. */
    public static GuiSettings load(Path vaultDirectory) {
        Path file = vaultDirectory.resolve("gui.properties");
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                LOG.warn("Could not read {}; using the default settings ({})", file, e.getMessage());
            }
        }
        return new GuiSettings(file, properties);
    }

    public Theme theme() {
        return theme;
    }

    /** Changes the theme and writes the settings file; a failed write is logged and the change kept for now. */
    public void setTheme(Theme newTheme) {
        this.theme = newTheme;
        save();
    }

    /** Minutes without input before the vault locks itself; 0 means never. */
    public int autoLockMinutes() {
        return autoLockMinutes;
    }

    /** Sets the auto-lock time (0 for never) and writes the settings file. */
    public void setAutoLockMinutes(int minutes) {
        if (minutes < 0 || minutes > MAX_AUTO_LOCK_MINUTES) {
            throw new IllegalArgumentException("Auto-lock must be 0 (never) to " + MAX_AUTO_LOCK_MINUTES + " minutes");
        }
        this.autoLockMinutes = minutes;
        save();
    }

    /** Seconds a copied secret stays on the clipboard. */
    public int clipboardClearSeconds() {
        return clipboardClearSeconds;
    }

    /** Sets the clipboard time and writes the settings file. */
    public void setClipboardClearSeconds(int seconds) {
        if (seconds < MIN_CLIPBOARD_SECONDS || seconds > MAX_CLIPBOARD_SECONDS) {
            throw new IllegalArgumentException("The clipboard time must be " + MIN_CLIPBOARD_SECONDS + " to "
                    + MAX_CLIPBOARD_SECONDS + " seconds");
        }
        this.clipboardClearSeconds = seconds;
        save();
    }

    /** Where the window was when the app last closed, if known. */
    public Optional<WindowBounds> window() {
        return Optional.ofNullable(window);
    }

    /** Remembers the window's place and size and writes the settings file. */
    public void setWindow(WindowBounds bounds) {
        this.window = bounds;
        save();
    }

    private void save() {
        Properties properties = new Properties();
        properties.setProperty(THEME, theme.name().toLowerCase(Locale.ROOT));
        properties.setProperty(AUTO_LOCK, Integer.toString(autoLockMinutes));
        properties.setProperty(CLIPBOARD, Integer.toString(clipboardClearSeconds));
        if (window != null) {
            properties.setProperty(WINDOW, String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%s", window.x(), window.y(),
                    window.width(), window.height(), window.maximized()));
        }
        try {
            VaultFolder.ownerOnlyFile(file);
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "Termvault desktop settings");
            }
        } catch (IOException e) {
            LOG.warn("Could not save {} ({})", file, e.getMessage());
        }
    }

    private static int number(Properties properties, String key, int fallback, int min, int max) {
        String text = properties.getProperty(key);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            return value >= min && value <= max ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static WindowBounds bounds(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length != 5) {
            return null;
        }
        try {
            double width = Double.parseDouble(parts[2].trim());
            double height = Double.parseDouble(parts[3].trim());
            if (!(width > 0 && height > 0)) {
                return null;
            }
            return new WindowBounds(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()), width,
                    height, Boolean.parseBoolean(parts[4].trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
