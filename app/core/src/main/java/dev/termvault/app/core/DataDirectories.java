package dev.termvault.app.core;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Termvault keeps its vault by default: the platform's folder for a user's application data. */
public final class DataDirectories {

    private DataDirectories() {
    }

    /** The default vault folder of this user on this platform. */
    public static Path defaultVaultDirectory() {
        return defaultVaultDirectory(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home")));
    }

    /**
     * Linux and other Unix: {@code $XDG_DATA_HOME/termvault} (when set to an absolute path) or
     * {@code ~/.local/share/termvault}; macOS: {@code ~/Library/Application Support/Termvault}; Windows:
     * {@code %APPDATA%\Termvault} (or {@code ~\AppData\Roaming\Termvault} when APPDATA is not set).
     */
    public static Path defaultVaultDirectory(String osName, Map<String, String> env, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank()
                    ? Path.of(appData) : userHome.resolve("AppData").resolve("Roaming");
            return base.resolve("Termvault");
        }
        if (os.startsWith("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Termvault");
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("termvault");
        }
        return userHome.resolve(".local").resolve("share").resolve("termvault");
    }
}
