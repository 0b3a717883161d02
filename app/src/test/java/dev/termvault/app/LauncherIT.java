package dev.termvault.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);

        assertThat(finished).as(text).isTrue();
        assertThat(process.exitValue()).as(text).isEqualTo(1);
        assertThat(text.strip().lines()).as("one line, no stack trace").hasSize(1);
        assertThat(text).contains("libgtk-3.so.0").contains("install").doesNotContain("Exception");
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
