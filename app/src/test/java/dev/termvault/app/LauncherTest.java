package dev.termvault.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the real {@code ./termvault} launcher as a process; it builds the app first when needed. */
class LauncherTest {

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
