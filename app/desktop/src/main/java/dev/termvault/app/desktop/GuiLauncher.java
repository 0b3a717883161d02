package dev.termvault.app.desktop;

import java.util.Locale;
import java.util.Map;

/**
 * Starts the desktop app. A separate class from {@link TermvaultApp} so that the JavaFX launcher does not
 * insist on JavaFX being on the module path (the app runs from a plain classpath).
 */
public final class GuiLauncher {

    private GuiLauncher() {
    }

    /** Opens the app window and returns when it is closed. */
    public static void launch(String[] args) {
        javafx.application.Application.launch(TermvaultApp.class, args);
    }

    /** Whether a window can be shown: always on Windows and macOS; on other systems, an X11 or Wayland display. */
    public static boolean displayAvailable(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return true;
        }
        return notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
