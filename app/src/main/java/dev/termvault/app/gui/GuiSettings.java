package dev.termvault.app.gui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's own settings (nothing secret), in {@code gui.properties} inside the vault folder. A missing
 * or unreadable file means the defaults.
 */
public final class GuiSettings {

    private static final Logger LOG = LoggerFactory.getLogger(GuiSettings.class);
    private static final String THEME = "theme";

    private final Path file;
    private Theme theme;

    private GuiSettings(Path file, Theme theme) {
        this.file = file;
        this.theme = theme;
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
        Theme theme = "dark".equals(properties.getProperty(THEME, "").trim().toLowerCase(Locale.ROOT))
                ? Theme.DARK : Theme.LIGHT;
        return new GuiSettings(file, theme);
    }

    public Theme theme() {
        return theme;
    }

    /** Changes the theme and writes the settings file; a failed write is logged and the change kept for now. */
    public void setTheme(Theme newTheme) {
        this.theme = newTheme;
        Properties properties = new Properties();
        properties.setProperty(THEME, newTheme.name().toLowerCase(Locale.ROOT));
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "Termvault desktop settings");
            }
        } catch (IOException e) {
            LOG.warn("Could not save {} ({})", file, e.getMessage());
        }
    }
}
