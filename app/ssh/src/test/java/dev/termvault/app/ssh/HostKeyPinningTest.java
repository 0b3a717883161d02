package dev.termvault.app.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.termvault.app.ssh.openssh.KnownHostsImporter;
import dev.termvault.app.ssh.testing.OpenSshServer;
import dev.termvault.app.ssh.testing.SshKeygen;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.KnownHost;

/**
 * A pinned host key binds the host whatever its type: another type is a changed key, the pinned type is the
 * one negotiated, and known_hosts exclusions keep a wildcard line off the excluded host.
 */
class HostKeyPinningTest {

    @TempDir
    Path dir;

    private final FakeHostDirectory directory = new FakeHostDirectory();
    private final FakeKnownHostStore knownHosts = new FakeKnownHostStore();
    private final FakeSshPrompt prompt = new FakeSshPrompt();
    private SshKeygen.KeyFiles key;

    @BeforeEach
    void makeKey() {
        key = SshKeygen.generate(dir, "id_pin", "ed25519");
        directory.key("k", TestHosts.sshKey(key));
    }

    private SshConnector engine(KnownHostStore store, HostKeyPolicy policy) {
        return SshConnector.builder(directory, store, prompt).hostKeyPolicy(policy).build();
    }

    private static String connectAndRun(SshConnector engine, Host host) throws SshConnectionException {
        try (SshSession session = engine.connect(host)) {
            assertThat(session.exec("true", Duration.ofSeconds(20)).exitStatus()).isZero();
            return session.hostKeyAlgorithm();
        }
    }

    private static KnownHost pin(String host, int port, String publicKeyLine) {
        String[] parts = publicKeyLine.split(" ");
        return new KnownHost(host, port, parts[0], parts[1], Instant.now(), false);
    }

    @Test
    void connect_pinnedEd25519HostShowsOnlyAnEcdsaKey_isAChangedKeyRefusedByDefault() throws Exception {
        SshKeygen.KeyFiles realHostKey = SshKeygen.generate(dir, "real_host_key", "ed25519");
        String pinnedFingerprint = SshKeygen.sha256Fingerprint(realHostKey.publicKeyFile());
        try (OpenSshServer mitm = OpenSshServer.builder(dir.resolve("mitm")).hostKeyType("ecdsa")
                .authorize(key.publicKeyLine()).start()) {
            KnownHost pinned = pin(mitm.host(), mitm.port(), realHostKey.publicKeyLine());
            knownHosts.add(pinned);
            prompt.acceptNew = true;
            Host host = TestHosts.host("pinned", mitm, "k");

            assertThatThrownBy(() -> connectAndRun(engine(knownHosts, HostKeyPolicy.ASK_ON_FIRST_USE), host))
                    .isInstanceOf(SshConnectionException.HostKeyChanged.class)
                    .hasMessageContaining(mitm.hostKeyFingerprint());

            assertThat(prompt.newKeyQuestions).isEmpty();
            assertThat(prompt.changedKeyQuestions).singleElement().satisfies(q -> {
                assertThat(q.keyType()).isEqualTo("ecdsa-sha2-nistp256");
                assertThat(q.recordedKeys()).containsExactly(
                        new SshPrompt.RecordedKey("ssh-ed25519", pinnedFingerprint));
                assertThat(q.typeChanged()).isTrue();
                assertThat(q.changedWarning()).contains("HAS CHANGED")
                        .contains(pinnedFingerprint + " (ssh-ed25519)")
                        .contains(mitm.hostKeyFingerprint() + " (ecdsa-sha2-nistp256)");
            });
            assertThat(knownHosts.list()).containsExactly(pinned);
            assertThat(mitm.log()).doesNotContain("Accepted publickey");

            // Under REQUIRE_KNOWN it is the same refusal, without a question.
            assertThatThrownBy(() -> connectAndRun(engine(knownHosts, HostKeyPolicy.REQUIRE_KNOWN), host))
                    .isInstanceOf(SshConnectionException.HostKeyChanged.class);
            assertThat(prompt.changedKeyQuestions).hasSize(1);

            // Accepted only through the warning: the new type is added beside the pinned key.
            prompt.acceptChanged = true;
            connectAndRun(engine(knownHosts, HostKeyPolicy.ASK_ON_FIRST_USE), host);
            assertThat(knownHosts.list()).hasSize(2).first().isEqualTo(pinned);
            assertThat(knownHosts.list().get(1).keyType()).isEqualTo("ecdsa-sha2-nistp256");
        }
    }

    @ParameterizedTest(name = "pinned {0} -> {1}")
    @CsvSource({"ed25519, ssh-ed25519", "ecdsa, ecdsa-sha2-nistp256", "rsa, rsa-sha2-512"})
    void connect_serverWithSeveralHostKeys_negotiatesThePinnedTypeWithoutAsking(String pinnedType,
                                                                               String algorithm) throws Exception {
        try (OpenSshServer sshd = OpenSshServer.builder(dir.resolve("sshd")).hostKeyType("ed25519")
                .extraHostKeyType("ecdsa").extraHostKeyType("rsa").authorize(key.publicKeyLine()).start()) {
            knownHosts.add(pin(sshd.host(), sshd.port(), sshd.hostPublicKeyLine(pinnedType)));

            String negotiated = connectAndRun(engine(knownHosts, HostKeyPolicy.ASK_ON_FIRST_USE),
                    TestHosts.host("several", sshd, "k"));

            assertThat(negotiated).isEqualTo(algorithm);
            assertThat(prompt.newKeyQuestions).isEmpty();
            assertThat(prompt.changedKeyQuestions).isEmpty();
        }
    }

    @Test
    void connect_importedWildcardLineExcludingTheHost_doesNotVouchForIt() throws Exception {
        try (OpenSshServer sshd = OpenSshServer.builder(dir.resolve("sshd")).authorize(key.publicKeyLine()).start();
             Vault vault = Vault.createLocal(dir.resolve("vault"), "correct horse".toCharArray()).vault()) {
            String keyLine = sshd.hostPublicKeyLine().split(" ")[0] + " " + sshd.hostPublicKeyLine().split(" ")[1];
            String all = "[127.0.0.*]:" + sshd.port();
            List<String> lines = List.of(all + ",![" + sshd.host() + "]:" + sshd.port() + " " + keyLine,
                    "*.corp,!secret.corp " + keyLine);
            vault.addAll(List.copyOf(KnownHostsImporter.read("known_hosts", lines, Instant.now()).knownHosts()));
            VaultKnownHostStore store = new VaultKnownHostStore(vault);
            Host host = TestHosts.host("excluded", sshd, "k");

            assertThat(store.find("secret.corp", 22)).isEmpty();
            assertThat(store.find("web.corp", 22)).hasSize(1);
            assertThat(store.find("127.0.0.2", sshd.port())).hasSize(1);
            assertThat(store.find(sshd.host(), sshd.port())).isEmpty();
            assertThatThrownBy(() -> connectAndRun(engine(store, HostKeyPolicy.REQUIRE_KNOWN), host))
                    .isInstanceOf(SshConnectionException.HostKeyRejected.class)
                    .hasMessageContaining("only known hosts");
            assertThat(sshd.log()).doesNotContain("Accepted publickey");
        }
    }

    @Test
    void connect_importedWildcardLineWithoutExclusion_vouchesForTheHost() throws Exception {
        try (OpenSshServer sshd = OpenSshServer.builder(dir.resolve("sshd")).authorize(key.publicKeyLine()).start()) {
            String[] keyLine = sshd.hostPublicKeyLine().split(" ");
            List<String> lines = List.of("[127.0.0.*]:" + sshd.port() + " " + keyLine[0] + " " + keyLine[1]);
            KnownHostsImporter.read("known_hosts", lines, Instant.now()).knownHosts().forEach(knownHosts::add);

            connectAndRun(engine(knownHosts, HostKeyPolicy.REQUIRE_KNOWN), TestHosts.host("wild", sshd, "k"));

            assertThat(prompt.newKeyQuestions).isEmpty();
        }
    }
}
