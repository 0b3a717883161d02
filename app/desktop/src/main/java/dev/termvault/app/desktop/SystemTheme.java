package dev.termvault.app.desktop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether the operating system is set to a dark look, where that can be found out: the GNOME colour scheme
 * (and GTK_THEME) on Linux, the interface style on macOS, the apps theme in the Windows registry. Empty when it
 * cannot be told; the app then uses the light theme.
 */
public final class SystemTheme {

    private static volatile Optional<Boolean> detected;

    private SystemTheme() {
    }

    /** True for dark, false for light, empty when unknown. Asked once per run (a small program is started). */
    static Optional<Boolean> prefersDark() {
        Optional<Boolean> known = detected;
        if (known == null) {
            known = detect(System.getProperty("os.name", ""), System.getenv());
            detected = known;
        }
        return known;
    }

    static Optional<Boolean> detect(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            // The key exists only in dark mode; the command fails in light mode.
            return run(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .map(out -> out.toLowerCase(Locale.ROOT).contains("dark")).or(() -> Optional.of(false));
        }
        if (os.contains("win")) {
            return run(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).map(out -> out.contains("0x0"));
        }
        String gtk = env.getOrDefault("GTK_THEME", "");
        if (!gtk.isBlank()) {
            return Optional.of(gtk.toLowerCase(Locale.ROOT).contains("dark"));
        }
        Optional<Boolean> scheme = run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"))
                .filter(out -> out.contains("prefer-"))
                .map(out -> out.contains("prefer-dark"));
        if (scheme.isPresent()) {
            return scheme;
        }
        return run(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"))
                .map(out -> out.toLowerCase(Locale.ROOT).contains("dark"));
    }

    /** The output of a command that ended well within a second, else empty. */
    private static Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            try (InputStream in = process.getInputStream()) {
                String out = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
                return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
