package dev.termvault.app.ssh.openssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.termvault.app.ssh.KnownHostPatterns;
import dev.termvault.app.ssh.keys.SystemTools;
import dev.termvault.vault.model.KnownHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsImporterTest {

    private static final String ED = "AAAAC3NzaC1lZDI1NTE5AAAAIA5cBI+46W8uFtF3d4wENRS5faca4hOocctSQBKSd2xT";
    private static final String EC = "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBItMqIcBvbp2kf8YBxT74Hz"
            + "+VDkV1+LLEDgmHC1ZhEqrn2roFwB9in6BoYBzSAPuSUiWL+e7LUZft73oRmuoBNU=";

    @TempDir
    Path dir;

    @Test
    void read_everyKindOfLine_recordsAndReport() {
        List<String> lines = List.of(
                "# a comment",
                "",
                "plain.example.com ssh-ed25519 " + ED,
                "a.example.com,10.0.0.7,[b.example.com]:2222 ecdsa-sha2-nistp256 " + EC + " some comment",
                "@revoked old.example.com ssh-ed25519 " + ED,
                "@cert-authority *.example.com ssh-ed25519 " + ED,
                "this line is bad",
                "broken.example.com ssh-ed25519 AAAAnotbase64!!",
                "*.wild.example.com ssh-ed25519 " + ED,
                "lonely.example.com ssh-ed25519");
        Instant seen = Instant.parse("2026-01-02T03:04:05Z");

        KnownHostsImporter.Result result = KnownHostsImporter.read("known_hosts", lines, seen);

        assertThat(result.knownHosts()).containsExactly(
                new KnownHost("plain.example.com", 22, "ssh-ed25519", ED, seen, false),
                new KnownHost("a.example.com", 22, "ecdsa-sha2-nistp256", EC, seen, false),
                new KnownHost("10.0.0.7", 22, "ecdsa-sha2-nistp256", EC, seen, false),
                new KnownHost("b.example.com", 2222, "ecdsa-sha2-nistp256", EC, seen, false),
                new KnownHost("old.example.com", 22, "ssh-ed25519", ED, seen, true),
                new KnownHost("*.wild.example.com", 22, "ssh-ed25519", ED, seen, false));
        assertThat(result.report().entries(ImportReport.Outcome.SKIPPED)).extracting(ImportReport.Entry::toString)
                .containsExactly(
                        "skipped: known_hosts line 6 - @cert-authority lines (host certificates) are not supported",
                        "skipped: known_hosts line 7 - bad line: not a valid key (type 'line')",
                        "skipped: known_hosts line 8 - bad line: not a valid key (type 'ssh-ed25519')",
                        "skipped: known_hosts line 10 - bad line: expected host names, a key type and a key");
        assertThat(KnownHostPatterns.matches(result.knownHosts().get(5), "db.wild.example.com", 22)).isTrue();
        assertThat(KnownHostPatterns.matches(result.knownHosts().get(3), "b.example.com", 22)).isFalse();
        assertThat(KnownHostPatterns.matches(result.knownHosts().get(3), "b.example.com", 2222)).isTrue();
    }

    @Test
    void read_negatedNames_keptOnEveryRecordTheyCanExcludeAndHonouredWhenMatching() {
        Instant seen = Instant.parse("2026-01-02T03:04:05Z");
        List<String> lines = List.of(
                "*.corp,!secret.corp ssh-ed25519 " + ED,
                "[*.lab]:2222,*.lab,![vault.lab]:2222,!db.lab ssh-ed25519 " + ED,
                "!only.example.com ssh-ed25519 " + ED);

        KnownHostsImporter.Result result = KnownHostsImporter.read("known_hosts", lines, seen);

        assertThat(result.knownHosts()).containsExactly(
                new KnownHost("*.corp,!secret.corp", 22, "ssh-ed25519", ED, seen, false),
                new KnownHost("*.lab,![vault.lab]:2222", 2222, "ssh-ed25519", ED, seen, false),
                new KnownHost("*.lab,!db.lab", 22, "ssh-ed25519", ED, seen, false));
        KnownHost corp = result.knownHosts().get(0);
        assertThat(KnownHostPatterns.matches(corp, "secret.corp", 22)).isFalse();
        assertThat(KnownHostPatterns.matches(corp, "web.corp", 22)).isTrue();
        KnownHost lab2222 = result.knownHosts().get(1);
        assertThat(KnownHostPatterns.matches(lab2222, "vault.lab", 2222)).isFalse();
        assertThat(KnownHostPatterns.matches(lab2222, "db.lab", 2222)).isTrue();
        KnownHost lab = result.knownHosts().get(2);
        assertThat(KnownHostPatterns.matches(lab, "db.lab", 22)).isFalse();
        assertThat(KnownHostPatterns.matches(lab, "vault.lab", 22)).isTrue();
        assertThat(result.report().entries(ImportReport.Outcome.SKIPPED)).extracting(ImportReport.Entry::toString)
                .containsExactly("skipped: known_hosts line 3 - only negated host names: matches no host");
    }

    @Test
    void read_hashedEntriesFromSshKeygen_keptHashedAndMatchTheirHost() throws Exception {
        SystemTools.requireTool("ssh-keygen");
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "secret.example.com ssh-ed25519 " + ED + "\n[secret.example.com]:2200 ssh-ed25519 "
                + ED + "\n");
        SystemTools.runOk("ssh-keygen", "-H", "-f", file.toString());

        List<KnownHost> hosts = KnownHostsImporter.read(file).knownHosts();

        assertThat(hosts).hasSize(2).allMatch(h -> h.hostPattern().startsWith("|1|"));
        assertThat(hosts).noneMatch(h -> h.hostPattern().contains("secret"));
        assertThat(KnownHostPatterns.matches(hosts.get(0), "secret.example.com", 22)).isTrue();
        assertThat(KnownHostPatterns.matches(hosts.get(0), "other.example.com", 22)).isFalse();
        assertThat(KnownHostPatterns.matches(hosts.get(1), "secret.example.com", 2200)).isTrue();
        assertThat(KnownHostPatterns.matches(hosts.get(1), "secret.example.com", 22)).isFalse();
        // ssh-keygen agrees that the hashed file still knows the host.
        assertThat(SystemTools.runOk("ssh-keygen", "-F", "secret.example.com", "-f", file.toString()))
                .contains(hosts.get(0).hostPattern());
    }
}
