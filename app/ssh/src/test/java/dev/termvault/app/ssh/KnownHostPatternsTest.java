package dev.termvault.app.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.termvault.app.ssh.testing.SshKeygen;
import dev.termvault.app.ssh.testing.SystemTools;
import dev.termvault.vault.model.KnownHost;

class KnownHostPatternsTest {

    private static KnownHost record(String pattern, int port) {
        return new KnownHost(pattern, port, "ssh-ed25519", "AAAA", Instant.EPOCH, false);
    }

    @ParameterizedTest(name = "{0} (port {1}) vs {2}:{3} -> {4}")
    @CsvSource(delimiter = ';', value = {
        "web1.example.com; 22; web1.example.com; 22; true",
        "WEB1.example.com; 22; web1.EXAMPLE.com; 22; true",
        "web1.example.com; 22; web1.example.com; 2222; false",
        "web1.example.com; 2222; web1.example.com; 2222; true",
        "[web1.example.com]:2222; 22; web1.example.com; 2222; true",
        "[web1.example.com]:2222; 22; web1.example.com; 22; false",
        "*.example.com; 22; db.example.com; 22; true",
        "*.example.com; 22; example.com; 22; false",
        "web?.example.com; 22; web7.example.com; 22; true",
        "web?.example.com; 22; web10.example.com; 22; false",
        "*.example.com,!secret.example.com; 22; secret.example.com; 22; false",
        "*.example.com,!secret.example.com; 22; open.example.com; 22; true",
        "alias,10.0.0.5; 22; 10.0.0.5; 22; true",
        "10.0.0.5; 22; 10.0.0.50; 22; false",
        "a.b; 22; axb; 22; false",
    })
    void matches_opensshPatternForms(String pattern, int recordPort, String host, int port, boolean expected) {
        assertThat(KnownHostPatterns.matches(record(pattern, recordPort), host, port)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "hashed entry vs {0}:{1} -> {2}")
    @CsvSource({"127.0.0.1, 2222, true", "127.0.0.1, 22, false", "127.0.0.2, 2222, false",
        "db.example.com, 22, false"})
    void matches_hashedEntryFromSshKeygen_matchesOnlyTheHashedHostAndPort(String host, int port, boolean expected,
                                                                      @TempDir Path dir) {
        SystemTools.requireOpenSsh();
        String publicKey = SshKeygen.generate(dir, "id_pattern", "ed25519").publicKeyLine();
        KnownHost hashed = HashedKnownHosts.hashWithSshKeygen(dir, "127.0.0.1", 2222, publicKey);
        assertThat(hashed.hostPattern()).startsWith("|1|");

        assertThat(KnownHostPatterns.matches(hashed, host, port)).isEqualTo(expected);
    }
}
