package dev.termvault.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log level is fixed once per process, when the first logger is made, so these run the real entry point
 * ({@code dev.termvault.app.Main}) in a process of its own.
 */
class CliLoggingTest {

    @TempDir
    Path home;

    @Test
    void init_byDefault_printsNoInfoLines() throws Exception {
        String output = runMain(home.resolve("vault"), "init");

        assertThat(output).contains("Created a vault in").doesNotContain(" INFO ");
    }

    @Test
    void init_withDebug_printsTheLogsInfoLines() throws Exception {
        String output = runMain(home.resolve("vault"), "init", "--debug");

        assertThat(output).contains("Created a vault in").contains("INFO dev.termvault.vault.Vault");
    }

    /** Runs {@code termvault --vault DIR --password-env TV_PW ARGS}; returns its stdout and stderr, merged. */
    private String runMain(Path vault, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"),
                "dev.termvault.app.Main", "--vault", vault.toString(), "--password-env", "TV_PW"));
        command.addAll(List.of(args));
        Path output = home.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("TV_PW", "correct horse battery staple 42");
        Process process = builder.start();
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished).as("termvault finished; output so far:%n%s", text).isTrue();
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
