package dev.termvault.app.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.termvault.app.ssh.testing.OpenSshServer;
import dev.termvault.app.ssh.testing.SshKeygen;
import dev.termvault.app.ssh.testing.SystemTools;
import dev.termvault.vault.model.Host;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshConnectorKeyAuthTest {

    private Path dir;
    private OpenSshServer sshd;
    private final FakeHostDirectory directory = new FakeHostDirectory();
    private final FakeKnownHostStore knownHosts = new FakeKnownHostStore();
    private SshConnector engine;

    @BeforeAll
    void startServer(@TempDir Path tempDir) {
        dir = tempDir;
        SystemTools.requireOpenSsh();
        OpenSshServer.Builder builder = OpenSshServer.builder(dir.resolve("sshd"))
                .config("MaxAuthTries 1");
        for (String[] spec : new String[][] {{"ed25519", "0"}, {"ecdsa", "256"}, {"ecdsa", "384"},
                {"ecdsa", "521"}, {"rsa", "3072"}}) {
            String name = "id_" + spec[0] + "_" + spec[1];
            SshKeygen.KeyFiles files = SshKeygen.generate(dir, name, spec[0], Integer.parseInt(spec[1]), "");
            builder.authorize(files.publicKeyLine());
            directory.key(name, TestHosts.sshKey(files));
        }
        directory.key("not-authorized", TestHosts.sshKey(SshKeygen.generate(dir, "id_other", "ed25519")));
        sshd = builder.start();
        engine = SshConnector.builder(directory, knownHosts, FakeSshPrompt.trustingNewKeys()).build();
    }

    @AfterAll
    void stopServer() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"ed25519, 0", "ecdsa, 256", "ecdsa, 384", "ecdsa, 521", "rsa, 3072"})
    void connect_keyOfEachType_logsInOfferingOnlyThatKey(String type, int bits) throws Exception {
        String keyId = "id_" + type + "_" + bits;
        Host host = TestHosts.host("server", sshd, keyId);
        int logMark = sshd.log().length();

        try (SshSession session = engine.connect(host)) {
            ExecResult result = session.exec("echo logged-in-as-$(id -un)", Duration.ofSeconds(20));

            assertThat(result.exitStatus()).isZero();
            assertThat(result.output()).contains("logged-in-as-" + sshd.user());
        }
        String fingerprint = SshKeygen.sha256Fingerprint(dir.resolve(keyId + ".pub"));
        assertThat(sshd.log().substring(logMark)).contains("Accepted publickey for " + sshd.user()).contains(fingerprint)
                .doesNotContain("Failed publickey");
    }

    @Test
    void exec_snippet_returnsOutputErrorsAndExitStatus() throws Exception {
        Host host = TestHosts.builder("server", sshd, "id_ed25519_0")
                .environment(Map.of("TERMVAULT_GREETING", "hello-env")).build();

        try (SshSession session = engine.connect(host)) {
            ExecResult result = session.exec("echo \"$TERMVAULT_GREETING\"; echo to-stderr >&2; exit 3",
                    Duration.ofSeconds(20));

            assertThat(result.exitStatus()).isEqualTo(3);
            assertThat(result.output()).isEqualTo("hello-env\n");
            assertThat(result.errors()).isEqualTo("to-stderr\n");
        }
    }

    @Test
    void connect_keyNotAuthorized_throwsAuthenticationFailedNamingThePublicKeyTried() {
        Host host = TestHosts.host("server", sshd, "not-authorized");

        assertThatThrownBy(() -> engine.connect(host))
                .isInstanceOfSatisfying(SshConnectionException.AuthenticationFailed.class, e -> {
                    assertThat(e.methodsTried()).containsExactly("publickey (key \"id_other\")");
                    assertThat(e.getMessage()).contains("Authentication failed for " + sshd.user());
                });
    }

    @Test
    void exec_agentForwardingEnabled_remoteSeesOnlyTheHostsKey_disabledByDefault() throws Exception {
        Host forwarding = TestHosts.builder("server", sshd, "id_ecdsa_256").agentForwarding(true).build();
        Host plain = TestHosts.host("server", sshd, "id_ecdsa_256");
        String fingerprint = SshKeygen.sha256Fingerprint(dir.resolve("id_ecdsa_256.pub"));

        try (SshSession session = engine.connect(forwarding)) {
            ExecResult listed = session.exec("ssh-add -l -E sha256", Duration.ofSeconds(20));

            assertThat(listed.exitStatus()).isZero();
            assertThat(listed.output().strip().lines()).singleElement().asString().contains(fingerprint);
        }
        try (SshSession session = engine.connect(plain)) {
            assertThat(session.exec("echo \"agent=${SSH_AUTH_SOCK:-none}\"", Duration.ofSeconds(20)).output())
                    .isEqualTo("agent=none\n");
        }
    }
}
