package dev.termvault.app.ssh.openssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.termvault.app.ssh.keys.KeyAlgorithm;
import dev.termvault.app.ssh.keys.KeyGeneration;
import dev.termvault.app.ssh.keys.KeyMaterial;
import dev.termvault.app.ssh.keys.OpenSshKeyWriter;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.Item;
import dev.termvault.vault.model.PortForward;
import dev.termvault.vault.model.SshKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigImporterTest {

    @TempDir
    Path dir;

    Path home;
    Path config;
    final List<Item> written = new ArrayList<>();
    final RecordSink<RuntimeException> sink = item -> {
        written.add(item);
        return "id-" + written.size();
    };

    @BeforeEach
    void writeConfig() throws Exception {
        home = dir.resolve("home");
        config = TestConfigs.write(home, dir.resolve("elsewhere"));
        KeyMaterial web = KeyGeneration.generate(KeyAlgorithm.ED25519, 0, "web key");
        Files.writeString(home.resolve(".ssh/id_web"), OpenSshKeyWriter.encryptedPrivateKey(web, "pw".toCharArray()));
        KeyMaterial bastion = KeyGeneration.generate(KeyAlgorithm.ECDSA, 256, "bastion key");
        Files.writeString(home.resolve(".ssh/id_bastion"), OpenSshKeyWriter.unencryptedPrivateKey(bastion));
    }

    private Host host(String label) {
        return written.stream().filter(i -> i instanceof Host h && h.label().equals(label)).map(Host.class::cast)
                .findFirst().orElseThrow();
    }

    @Test
    void applyTo_importsKeysAndHostsLinkedByRecordId() {
        List<String> asked = new ArrayList<>();
        ImportPlan plan = new SshConfigImporter(config, home).plan(true, resource -> {
            asked.add(resource);
            return "pw".toCharArray();
        });
        Map<String, String> ids = plan.applyTo(sink);

        assertThat(asked).containsExactly(home.resolve(".ssh/id_web").toString());
        assertThat(written.subList(0, 2)).allMatch(i -> i instanceof SshKey);
        assertThat(written).filteredOn(i -> i instanceof SshKey).extracting(i -> ((SshKey) i).name())
                .containsExactly("id_web", "id_bastion");
        Host web = host("web");
        assertThat(web.hostname()).isEqualTo("web.example.com");
        assertThat(web.port()).isEqualTo(2201);
        assertThat(web.username()).isEqualTo("deploy user");
        assertThat(web.auth()).isEqualTo(AuthMethod.KEY);
        assertThat(web.keyId()).isEqualTo("id-1");
        assertThat(web.jumpHosts()).containsExactly(ids.get("bastion"), ids.get("admin@jump2.example.net:2200"));
        assertThat(web.legacyAlgorithms()).containsExactly("ssh-rsa", "ssh-dss");
        assertThat(web.keepAliveSeconds()).isEqualTo(60);
        assertThat(web.forwards()).containsExactly(
                new PortForward(PortForward.Kind.LOCAL, null, 8080, "localhost", 80),
                new PortForward(PortForward.Kind.LOCAL, "127.0.0.1", 9090, "::1", 90),
                new PortForward(PortForward.Kind.REMOTE, null, 9000, "localhost", 3000),
                new PortForward(PortForward.Kind.DYNAMIC, null, 1080, null, 0));
        Host bastion = host("bastion");
        assertThat(bastion.keyId()).isEqualTo("id-2");
        assertThat(bastion.port()).isEqualTo(2222);
        assertThat(host("admin@jump2.example.net:2200").username()).isEqualTo("admin");
        assertThat(host("db01").jumpHosts()).containsExactly(ids.get("ssh://ops@bastion:22"));
        // staging jumps through web, which itself jumps through bastion and jump2: the whole chain, in order.
        assertThat(host("staging").jumpHosts()).containsExactly(ids.get("bastion"),
                ids.get("admin@jump2.example.net:2200"), ids.get("web"));
        assertThat(host("legacy").legacyAlgorithms()).containsExactly("ssh-rsa", "diffie-hellman-group1-sha1");
        // Every link points to a record written before it.
        for (int i = 0; i < written.size(); i++) {
            if (written.get(i) instanceof Host h) {
                for (String jump : h.jumpHosts()) {
                    assertThat(Integer.parseInt(jump.substring(3))).isLessThanOrEqualTo(i);
                }
            }
        }
    }

    @Test
    void plan_reportsWhatWasSkippedAndWhy() {
        ImportReport report = new SshConfigImporter(config, home).plan(true, r -> "pw".toCharArray()).report();

        assertThat(report.entries(ImportReport.Outcome.SKIPPED)).extracting(ImportReport.Entry::toString)
                .anyMatch(s -> s.contains("Match user nobody-at-all") && s.contains("not evaluated"))
                .anyMatch(s -> s.contains("compression") && s.contains("unsupported keyword"))
                .anyMatch(s -> s.contains("id_legacy_not_there") && s.contains("missing key file"));
        assertThat(report.entries(ImportReport.Outcome.NOTE)).extracting(ImportReport.Entry::toString)
                .anyMatch(s -> s.contains("Host *.example.com") && s.contains("wildcard-only"))
                .anyMatch(s -> s.contains("Host *") && s.contains("defaults"))
                .anyMatch(s -> s.contains("only the first IdentityFile"));
        assertThat(report.entries(ImportReport.Outcome.IMPORTED)).extracting(ImportReport.Entry::label)
                .contains("host web", "host db01", "key file " + home.resolve(".ssh/id_web"));
        assertThat(report.entries()).filteredOn(e -> e.reference().startsWith("Match "))
                .extracting(ImportReport.Entry::reason).containsOnly(ImportReason.NOT_EVALUATED);
        assertThat(report.entries()).filteredOn(e -> e.subject() == ImportReport.Subject.KEY_FILE
                && e.reference().endsWith("id_legacy_not_there"))
                .extracting(ImportReport.Entry::reason).containsExactly(ImportReason.FILE_MISSING);
    }

    @Test
    void plan_wrongPassphrase_hostImportedWithoutKeyAndReported() {
        ImportPlan plan = new SshConfigImporter(config, home).plan(true, r -> "not it".toCharArray());
        plan.applyTo(sink);

        assertThat(host("web").keyId()).isNull();
        assertThat(host("web").auth()).isEqualTo(AuthMethod.AUTO);
        assertThat(plan.report().toString()).contains("Wrong passphrase for " + home.resolve(".ssh/id_web"));
        assertThat(plan.report().entries(ImportReport.Outcome.SKIPPED))
                .filteredOn(e -> e.reference().equals(home.resolve(".ssh/id_web").toString()))
                .extracting(ImportReport.Entry::reason).containsExactly(ImportReason.KEY_UNREADABLE);
    }

    @Test
    void plan_dryRun_readsNoKeyAndAsksNothing() {
        ImportPlan plan = new SshConfigImporter(config, home).plan(false, r -> {
            throw new AssertionError("asked");
        });
        assertThat(plan.keys()).isEmpty();
        assertThat(plan.hosts()).isNotEmpty();
    }

    @Test
    void plan_jumpLoop_reportedNotFollowedForever() throws Exception {
        Path loop = dir.resolve("loop");
        Files.writeString(loop, "Host a\n  ProxyJump b\nHost b\n  ProxyJump a\n");
        ImportPlan plan = new SshConfigImporter(loop, home).plan(false, r -> null);
        assertThat(plan.hosts()).extracting(PlannedHost::label).containsExactlyInAnyOrder("a", "b");
        assertThat(plan.report().toString()).contains("loop");
        assertThat(plan.report().entries()).extracting(ImportReport.Entry::reason).contains(ImportReason.LOOP);
    }

    @Test
    void configLine_keyValueQuotesAndComments() throws Exception {
        ConfigLine line = ConfigLine.parse(Path.of("c"), 1, "  User=\"a b\" 'c d' e\\ f # comment");
        assertThat(line.keyword()).isEqualTo("user");
        assertThat(line.args()).containsExactly("a b", "c d", "e f");
        assertThat(ConfigLine.parse(Path.of("c"), 1, "   # only a comment")).isNull();
        assertThat(ConfigLine.parse(Path.of("c"), 1, "Port = 22").args()).containsExactly("22");
    }
}
