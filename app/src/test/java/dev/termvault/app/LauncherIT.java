package dev.termvault.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the real {@code ./termvault} launcher as a process. It runs in the integration-test phase, after the app
 * jar and its libraries are packaged, so the launcher finds them up to date and does not rebuild.
 */
class LauncherIT {

    @Test
    void launcher_version_buildsIfNeededAndPrintsTheVersion() throws IOException, InterruptedException {
        Path root = repositoryRoot();
        assumeTrue(root != null, "Skipped: the repository root (with ./termvault) was not found above "
                + Path.of("").toAbsolutePath());
        Path output = Files.createTempFile("termvault-launcher", ".out");
        try {
            Process process = new ProcessBuilder(root.resolve("termvault").toString(), "--version")
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean finished = process.waitFor(15, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);

            assertThat(finished).as("the launcher finished; output so far:%n%s", text).isTrue();
            assertThat(process.exitValue()).as(text).isZero();
            assertThat(text).containsPattern("Termvault \\d+\\.\\d+\\.\\d+");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    @Test
    void launcher_withADisplayButNoGtk_printsTheOneLineThatInstallsIt() throws IOException, InterruptedException {
        Path root = repositoryRoot();
        assumeTrue(root != null, "Skipped: the repository root (with ./termvault) was not found");
        Path stubs = Files.createTempDirectory("termvault-no-gtk");
        Path ldconfig = stubs.resolve("ldconfig");
        // A system whose library cache lists the C library and nothing of GTK, OpenGL or X.
        Files.writeString(ldconfig, "#!/bin/sh\necho '1 libs found in cache'\n"
                + "echo '\tlibc.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libc.so.6'\n");
        ldconfig.toFile().setExecutable(true);
        ProcessBuilder builder = new ProcessBuilder(root.resolve("termvault").toString())
                .directory(root.toFile())
                .redirectErrorStream(true);
        builder.environment().put("DISPLAY", ":77");
        builder.environment().put("PATH", stubs + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String text = withoutBuildNotice(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);

        assertThat(finished).as(text).isTrue();
        assertThat(process.exitValue()).as(text).isEqualTo(1);
        assertThat(text.strip().lines()).as("one line, no stack trace").hasSize(1);
        assertThat(text).contains("libgtk-3.so.0").contains("install").doesNotContain("Exception");
    }

    /**
     * The app starts from the launcher the supported way (JavaFX on the module path): the first screen appears and
     * nothing is printed but the probe's report, in particular no "Unsupported JavaFX configuration" and no
     * sun.misc.Unsafe warning. Needs Xvfb and GTK 3 (.ci/run installs them).
     */
    @Test
    void launcher_underADisplay_opensTheFirstScreenWithoutWarnings() throws Exception {
        Path root = repositoryRoot();
        assumeTrue(root != null, "Skipped: the repository root (with ./termvault) was not found");
        boolean ready = Files.isExecutable(Path.of("/usr/bin/Xvfb"))
                && Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0"));
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(ready, "Skipped: needs Xvfb and GTK 3 (Debian packages xvfb, libgtk-3-0)");
        }
        int display = freeDisplay();
        Process xvfb = new ProcessBuilder("Xvfb", ":" + display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path data = Files.createTempDirectory("termvault-launcher-data");
        Path png = data.resolve("first.png");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(Path.of("/tmp/.X11-unix/X" + display)));
            ProcessBuilder builder = new ProcessBuilder(root.resolve("termvault").toString())
                    .directory(root.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("DISPLAY", ":" + display);
            builder.environment().put("XDG_DATA_HOME", data.toString());
            builder.environment().put("TERMVAULT_SCREENSHOT", png.toString());
            Process app = builder.start();
            String text = withoutBuildNotice(new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            boolean finished = app.waitFor(5, TimeUnit.MINUTES);

            assertThat(finished).as(text).isTrue();
            assertThat(app.exitValue()).as(text).isZero();
            assertThat(text.strip()).as("only the probe's report").matches("first-scene screen=first-run ms=\\d+");
            assertThat(Files.size(png)).isPositive();
        } finally {
            xvfb.destroy();
        }
    }

    /** The launcher says on stderr when it (re)builds first; that line is not the app's output. */
    private static String withoutBuildNotice(String output) {
        return output.lines().filter(line -> !line.startsWith("Building Termvault ("))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static int freeDisplay() {
        for (int n = 91; n < 200; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return n;
            }
        }
        throw new IllegalStateException("no free X display number between 91 and 199");
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("termvault")) && Files.isRegularFile(dir.resolve("mvnw"))
                    && Files.isDirectory(dir.resolve("app"))) {
                return dir;
            }
        }
        return null;
    }
}
