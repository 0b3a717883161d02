package dev.termvault.app.desktop;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Checks of a packaged app that need no person at the screen, asked for through the environment:
 * <ul>
 *   <li>{@code TERMVAULT_SCREENSHOT=FILE}: once the first scene has been laid out and shown, write it to FILE as
 *       a PNG, report the screen, and quit;</li>
 *   <li>{@code TERMVAULT_EXIT_AFTER_FIRST_SCENE=1}: once the first scene is shown, report the screen and the
 *       time since the process started, and quit (the cold-start measurement).</li>
 * </ul>
 * The report is one line on standard output: {@code first-scene screen=first-run ms=812}. Without either variable
 * the probe does nothing. A scene holds no secret at that point (first run or unlock, nothing typed yet).
 */
public final class FirstSceneProbe {

    static final String SCREENSHOT = "TERMVAULT_SCREENSHOT";
    static final String EXIT_AFTER_FIRST_SCENE = "TERMVAULT_EXIT_AFTER_FIRST_SCENE";

    private final Optional<Path> screenshot;
    private final boolean exitAfterFirstScene;
    private final PrintStream out;
    private final IntConsumer quit;

    /** {@code quit} ends the app with an exit status (0 done, 1 the screenshot could not be written). */
    FirstSceneProbe(Map<String, String> env, PrintStream out, IntConsumer quit) {
        String file = env.get(SCREENSHOT);
        this.screenshot = file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file));
        this.exitAfterFirstScene = "1".equals(env.get(EXIT_AFTER_FIRST_SCENE)) || "true".equals(env.get(EXIT_AFTER_FIRST_SCENE));
        this.out = out;
        this.quit = quit;
    }

    boolean active() {
        return screenshot.isPresent() || exitAfterFirstScene;
    }

    /** Call right after the stage is shown; acts after the first layout pulse of {@code scene}. */
    void watch(Scene scene, Supplier<String> screenName) {
        if (!active()) {
            return;
        }
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            long millis = millisSinceProcessStart();
            Platform.runLater(() -> report(scene, screenName.get(), millis));
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    private void report(Scene scene, String screen, long millis) {
        int status = 0;
        if (screenshot.isPresent()) {
            status = writeSnapshot(scene, screenshot.get());
        }
        out.println("first-scene screen=" + screen + " ms=" + millis);
        out.flush();
        quit.accept(status);
    }

    /** Quits the running app: closes the window and its vault, then exits the process with {@code status}. */
    static void exitApp(int status) {
        Platform.exit();
        if (status != 0) {
            System.exit(status);
        }
    }

    private int writeSnapshot(Scene scene, Path file) {
        WritableImage image = scene.snapshot(null);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("termvault: could not write the screenshot " + file + ": " + e.getMessage());
            return 1;
        }
    }

    private static long millisSinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis())
                .orElse(-1L);
    }
}
