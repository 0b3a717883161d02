package dev.termvault.sync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.sync.server.support.PinnedHttp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
    @TempDir
    Path dir;

    @Test
    void start_firstRun_makesSelfSignedCertificatePrintsFingerprintAndServesHealthOverPinnedTls() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String fingerprint;
        try (SyncServer server = ServerMain.start(
                new String[] {"--role", "blobs", "--data", dir.toString(), "--port", "0"}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            fingerprint = server.fingerprint();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Certificate SHA-256 fingerprint: " + fingerprint);
            PinnedHttp http = new PinnedHttp(server.baseUri(), fingerprint);
            var health = http.get("/health", null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"").contains("blobs");
            var metrics = http.get("/metrics", null);
            assertThat(metrics.body()).contains("termvault_http_requests_total");
            var missing = http.get("/v1/nothing-here", null);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("\"code\":\"not_found\"");
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve("tls/server-key.pem")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try (SyncServer again = SyncServer.start(ServerConfig.of(Map.of(
                "server.roles", "blobs", "server.data", dir.toString(), "server.port", "0")))) {
            assertThat(again.fingerprint()).isEqualTo(fingerprint);
        }
    }

    @Test
    void connect_wrongPinnedFingerprint_isRefused() {
        try (SyncServer server = SyncServer.start(ServerConfig.of(Map.of(
                "server.roles", "blobs", "server.data", dir.toString(), "server.port", "0")))) {
            String other = "00".repeat(31) + "01";
            PinnedHttp http = new PinnedHttp(server.baseUri(), other);
            assertThatThrownBy(() -> http.get("/health", null)).isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void start_unknownRole_isAClearError() {
        assertThatThrownBy(() -> SyncServer.start(ServerConfig.of(Map.of(
                "server.roles", "nonsense", "server.data", dir.toString(), "server.port", "0"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown role 'nonsense'");
    }

    @Test
    void config_environmentOverridesFileAndOptionsOverrideEnvironment() throws Exception {
        Path file = dir.resolve("server.properties");
        Files.writeString(file, "server.port=1111\nblobs.quota.bytes=5\n");
        ServerConfig config = ServerConfig.load(file, Map.of("TERMVAULT_SERVER_PORT", "2222",
                "TERMVAULT_BLOBS_QUOTA_BYTES", "7"), Map.of("server.port", "3333"));
        assertThat(config.getInt("server.port", 0)).isEqualTo(3333);
        assertThat(config.getLong("blobs.quota.bytes", 0)).isEqualTo(7);
        assertThat(ServerConfig.load(file, Map.of(), Map.of()).getInt("server.port", 0)).isEqualTo(1111);
    }
}
