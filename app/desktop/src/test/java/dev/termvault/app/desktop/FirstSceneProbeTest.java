package dev.termvault.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.vault.Vault;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The hooks that let a packaged app be checked and timed without a person: screenshot and first-scene report. */
@ExtendWith(ApplicationExtension.class)
class FirstSceneProbeTest {

    @TempDir
    Path temp;
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private AppShell shell;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (shell != null) {
                shell.close();
            }
            stage.hide();
        }).get(60, TimeUnit.SECONDS);
        executor.close();
    }

    @Test
    void screenshotAsked_firstRunSceneShown_writesPngReportsScreenAndQuitsWithZero() throws Exception {
        Path shot = temp.resolve("shots").resolve("first.png");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Integer> quit = new CompletableFuture<>();
        FirstSceneProbe probe = new FirstSceneProbe(Map.of(FirstSceneProbe.SCREENSHOT, shot.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), quit::complete);

        show(probe, temp.resolve("vault"));

        assertThat(quit.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).matches("first-scene screen=first-run ms=\\d+\\R");
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(640);
        assertThat(Files.exists(temp.resolve("vault"))).as("showing first run creates no vault").isFalse();
    }

    @Test
    void exitAfterFirstSceneAsked_reportsWithoutScreenshot() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Integer> quit = new CompletableFuture<>();
        FirstSceneProbe probe = new FirstSceneProbe(Map.of(FirstSceneProbe.EXIT_AFTER_FIRST_SCENE, "1"),
                new PrintStream(out, true, StandardCharsets.UTF_8), quit::complete);

        show(probe, temp.resolve("vault"));

        assertThat(quit.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("first-scene screen=first-run ms=");
        try (var files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void vaultExists_reportsTheUnlockScreen() throws Exception {
        Path dir = temp.resolve("vault");
        Vault.createLocal(dir, "correct horse Battery 9".toCharArray()).vault().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Integer> quit = new CompletableFuture<>();
        FirstSceneProbe probe = new FirstSceneProbe(Map.of(FirstSceneProbe.EXIT_AFTER_FIRST_SCENE, "true"),
                new PrintStream(out, true, StandardCharsets.UTF_8), quit::complete);

        show(probe, dir);

        assertThat(quit.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("first-scene screen=unlock ms=");
    }

    @Test
    void screenshotUnwritable_quitsWithOne() throws Exception {
        Path blocker = Files.writeString(temp.resolve("a-file"), "x");
        CompletableFuture<Integer> quit = new CompletableFuture<>();
        FirstSceneProbe probe = new FirstSceneProbe(Map.of(FirstSceneProbe.SCREENSHOT, blocker.resolve("shot.png").toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), quit::complete);

        show(probe, temp.resolve("vault"));

        assertThat(quit.get(60, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void nothingAsked_isInactive() {
        FirstSceneProbe probe = new FirstSceneProbe(Map.of(FirstSceneProbe.EXIT_AFTER_FIRST_SCENE, "0"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), status -> { });
        assertThat(probe.active()).isFalse();
    }

    private void show(FirstSceneProbe probe, Path vaultDirectory) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            shell = new AppShell(vaultDirectory, executor, GuiSettings.load(vaultDirectory));
            Scene scene = shell.createScene();
            stage.setScene(scene);
            stage.show();
            probe.watch(scene, shell::screenName);
        }).get(60, TimeUnit.SECONDS);
    }
}
