package dev.termvault.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliBasicsTest {

    @TempDir
    Path home;

    @Test
    void noArguments_printsHelpAndExitsZero() {
        CliRun.Result result = new CliRun(home).run();

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: termvault").contains("--vault").contains("Exit codes:");
    }

    @Test
    void version_printsTheProjectVersion() {
        CliRun.Result result = new CliRun(home).run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Termvault ").doesNotContain("${").doesNotContain("unknown version");
    }

    @Test
    void unknownOption_exitsWithUsageCodeAndSaysWhatIsWrong() {
        CliRun.Result result = new CliRun(home).run("--no-such-option");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Unknown option: '--no-such-option'");
    }
}
