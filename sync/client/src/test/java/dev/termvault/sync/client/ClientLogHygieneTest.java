package dev.termvault.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync client's logs at debug level (in a child JVM, so the level is set before any logger exists) show
 * each call's method, path and status, and {@code Authorization: ██}: never a token, the password, the Secret
 * Key, the email, or a record's host or user name.
 */
class ClientLogHygieneTest {

    @TempDir
    Path dir;

    @Test
    void debugLogs_showCallsWithTheAuthorizationRedacted_andNoSecretOrRecordContent() throws Exception {
        Path err = dir.resolve("child.err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
                "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString(),
                "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED",
                "-Dorg.slf4j.simpleLogger.log.dev.termvault=debug",
                ClientLogWorker.class.getName(), dir.resolve("work").toString())
                .redirectError(err.toFile())
                .start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String logs = Files.readString(err);
        assertThat(child.exitValue()).as(logs).isZero();
        String secretKey = out.lines().filter(l -> l.startsWith("SECRET-KEY ")).findFirst().orElseThrow()
                .substring("SECRET-KEY ".length());

        assertThat(logs).as("the client logged its calls at debug level")
                .contains("POST /v1/keys/login/finish").contains("Authorization: ██");
        assertThat(logs).doesNotContain("Bearer").doesNotContain("eyJ")
                .doesNotContain(ClientLogWorker.PASSWORD).doesNotContain(secretKey)
                .doesNotContain(secretKey.replace("-", "")).doesNotContain(ClientLogWorker.EMAIL)
                .doesNotContain(ClientLogWorker.HOST_MARKER).doesNotContain(ClientLogWorker.USER_MARKER);
    }
}
