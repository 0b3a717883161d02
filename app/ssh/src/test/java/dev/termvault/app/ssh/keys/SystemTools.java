package dev.termvault.app.ssh.keys;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** Runs OpenSSH's command-line tools for tests; skips (or fails when CI=true) where they are missing. */
public final class SystemTools {

    /** What a finished command left behind. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private SystemTools() {
    }

    /** Skips the calling test, with a notice, when {@code tool} is missing; fails instead when CI=true. */
    public static void requireTool(String tool) {
        boolean present = onPath(tool);
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(tool + " is required when CI=true but was not found on the PATH");
        }
        Assumptions.assumeTrue(present, "Skipped: " + tool + " is not installed (install OpenSSH to run this test)");
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : (path + ":/usr/bin:/usr/sbin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    public static Result run(List<String> command) {
        return run(command, Map.of());
    }

    /** Runs {@code command} with extra environment variables, stdin closed, and waits up to a minute. */
    public static Result run(List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
            builder.environment().putAll(environment);
            builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            Process process = builder.start();
            var out = process.getInputStream().readAllBytes();
            var err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    /** Runs {@code command} and returns its standard output, failing the test on a non-zero exit. */
    public static String runOk(String... command) {
        Result result = run(List.of(command));
        if (result.exitCode() != 0) {
            fail(String.join(" ", command) + " exited with " + result.exitCode() + ": " + result.stderr());
        }
        return result.stdout();
    }
}
