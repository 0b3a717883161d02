package dev.termvault.app.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.termvault.app.ssh.testing.OpenSshServer;
import dev.termvault.app.ssh.testing.SshKeygen;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.KnownHost;

class HostKeyVerificationTest {

    @TempDir
    Path dir;

    private final FakeHostDirectory directory = new FakeHostDirectory();
    private final FakeKnownHostStore knownHosts = new FakeKnownHostStore();
    private final FakeSshPrompt prompt = new FakeSshPrompt();
    private SshKeygen.KeyFiles key;

    @BeforeEach
    void makeKey() {
        key = SshKeygen.generate(dir, "id_hk", "ed25519");
        directory.key("k", TestHosts.sshKey(key));
    }

    private SshConnector engine(HostKeyPolicy policy) {
        return SshConnector.builder(directory, knownHosts, prompt).hostKeyPolicy(policy).build();
    }

    private static void runTrue(SshConnector engine, Host host) throws SshConnectionException {
        try (SshSession session = engine.connect(host)) {
            assertThat(session.exec("true", Duration.ofSeconds(20)).exitStatus()).isZero();
        }
    }

    @Test
    void connect_firstUseThenKnownThenChangedThenRevoked_followsThePolicy() throws Exception {
        try (OpenSshServer sshd = OpenSshServer.builder(dir.resolve("sshd")).authorize(key.publicKeyLine()).start()) {
            Host host = TestHosts.host("hk", sshd, "k");
            SshConnector engine = engine(HostKeyPolicy.ASK_ON_FIRST_USE);

            // First use: asked with the SHA256 fingerprint, accepted, stored.
            prompt.acceptNew = true;
            runTrue(engine, host);
            assertThat(prompt.newKeyQuestions).singleElement().satisfies(q -> {
                assertThat(q.fingerprint()).isEqualTo(sshd.hostKeyFingerprint());
                assertThat(q.firstUseQuestion()).contains(sshd.hostKeyFingerprint());
            });
            assertThat(knownHosts.list()).singleElement().satisfies(k -> {
                assertThat(k.hostPattern()).isEqualTo(sshd.host());
                assertThat(k.port()).isEqualTo(sshd.port());
                assertThat(k.keyType() + " " + k.key()).isEqualTo(stripComment(sshd.hostPublicKeyLine()));
            });

            // Known now: no question.
            runTrue(engine, host);
            assertThat(prompt.newKeyQuestions).hasSize(1);

            // Changed: refused even though first-use questions would be answered yes.
            String oldFingerprint = sshd.hostKeyFingerprint();
            sshd.restartWithNewHostKey();
            assertThatThrownBy(() -> runTrue(engine, host))
                    .isInstanceOf(SshConnectionException.HostKeyChanged.class)
                    .hasMessageContaining("CHANGED").hasMessageContaining(sshd.hostKeyFingerprint());
            assertThat(prompt.newKeyQuestions).hasSize(1);
            assertThat(prompt.changedKeyQuestions).singleElement().satisfies(q -> {
                assertThat(q.knownFingerprints()).containsExactly(oldFingerprint);
                assertThat(q.changedWarning()).contains("HAS CHANGED").contains(oldFingerprint)
                        .contains(sshd.hostKeyFingerprint());
            });

            // Accepted only through the changed-key warning: the record is replaced.
            prompt.acceptChanged = true;
            runTrue(engine, host);
            assertThat(knownHosts.list()).singleElement().satisfies(k ->
                    assertThat(k.keyType() + " " + k.key()).isEqualTo(stripComment(sshd.hostPublicKeyLine())));

            // Revoked: refused whatever the prompt would say.
            knownHosts.revokeAll();
            assertThatThrownBy(() -> runTrue(engine, host))
                    .isInstanceOf(SshConnectionException.HostKeyRevoked.class)
                    .hasMessageContaining("REVOKED");
            assertThat(prompt.changedKeyQuestions).hasSize(2);
        }
    }

    @Test
    void connect_firstUseDeclined_throwsHostKeyRejectedAndStoresNothing() throws Exception {
        try (OpenSshServer sshd = OpenSshServer.builder(dir.resolve("sshd")).authorize(key.publicKeyLine()).start()) {
            prompt.acceptNew = false;

            assertThatThrownBy(() -> runTrue(engine(HostKeyPolicy.ASK_ON_FIRST_USE), TestHosts.host("hk", sshd, "k")))
                    .isInstanceOf(SshConnectionException.HostKeyRejected.class)
                    .hasMessageContaining(sshd.hostKeyFingerprint());
            assertThat(knownHosts.list()).isEmpty();
            assertThat(sshd.log()).doesNotContain("Accepted publickey");
        }
    }

    @Test
    void connect_requireKnownWithUnknownHost_refusesWithoutAsking() throws Exception {
        try (OpenSshServer sshd = OpenSshServer.builder(dir.resolve("sshd")).authorize(key.publicKeyLine()).start()) {
            prompt.acceptNew = true;

            assertThatThrownBy(() -> runTrue(engine(HostKeyPolicy.REQUIRE_KNOWN), TestHosts.host("hk", sshd, "k")))
                    .isInstanceOf(SshConnectionException.HostKeyRejected.class)
                    .hasMessageContaining("only known hosts");
            assertThat(prompt.newKeyQuestions).isEmpty();
        }
    }

    @Test
    void connect_hashedKnownHostEntryMadeBySshKeygen_isRecognisedWithoutAsking() throws Exception {
        try (OpenSshServer sshd = OpenSshServer.builder(dir.resolve("sshd")).authorize(key.publicKeyLine()).start()) {
            KnownHost hashed = HashedKnownHosts.hashWithSshKeygen(dir, sshd);
            assertThat(hashed.hostPattern()).startsWith("|1|");
            knownHosts.add(hashed);

            runTrue(engine(HostKeyPolicy.REQUIRE_KNOWN), TestHosts.host("hk", sshd, "k"));

            assertThat(prompt.newKeyQuestions).isEmpty();
        }
    }

    private static String stripComment(String publicKeyLine) {
        String[] parts = publicKeyLine.split(" ");
        return parts[0] + " " + parts[1];
    }
}
