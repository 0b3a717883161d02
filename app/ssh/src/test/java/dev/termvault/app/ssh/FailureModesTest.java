package dev.termvault.app.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.termvault.app.ssh.testing.OpenSshServer;
import dev.termvault.app.ssh.testing.SshKeygen;
import dev.termvault.vault.model.Host;

class FailureModesTest {

    @TempDir
    Path dir;

    private final FakeHostDirectory directory = new FakeHostDirectory();
    private SshConnector engine;

    @BeforeEach
    void setUp() {
        directory.key("k", TestHosts.sshKey(SshKeygen.generate(dir, "id_fail", "ed25519")));
        engine = SshConnector.builder(directory, new FakeKnownHostStore(), FakeSshPrompt.trustingNewKeys())
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    @Test
    void connect_nameThatDoesNotResolve_throwsUnknownHost() {
        Host host = Host.of("nowhere", "no-such-host.invalid", 22, "root");

        assertThatThrownBy(() -> engine.connect(host))
                .isInstanceOf(SshConnectionException.UnknownHost.class)
                .hasMessageContaining("no-such-host.invalid");
    }

    @Test
    void connect_closedPort_throwsConnectionRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Host host = Host.of("closed", "127.0.0.1", closedPort, "root");

        assertThatThrownBy(() -> engine.connect(host))
                .isInstanceOf(SshConnectionException.ConnectionRefused.class)
                .hasMessageContaining("127.0.0.1:" + closedPort);
    }

    @Test
    void connect_listenerThatNeverAnswers_throwsTimedOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Host host = Host.of("silent", "127.0.0.1", silent.getLocalPort(), "root");

            assertThatThrownBy(() -> engine.connect(host))
                    .isInstanceOf(SshConnectionException.TimedOut.class)
                    .hasMessageContaining("SSH greeting");
        }
    }

    @Test
    void connect_serverOnlySpeakingLegacyAlgorithms_needsTheHostToAskForThem() throws Exception {
        SshKeygen.KeyFiles key = SshKeygen.generate(dir, "id_legacy", "ed25519");
        directory.key("legacy-key", TestHosts.sshKey(key));
        try (OpenSshServer sshd = OpenSshServer.builder(dir.resolve("sshd")).hostKeyType("rsa")
                .config("KexAlgorithms diffie-hellman-group14-sha1").config("HostKeyAlgorithms ssh-rsa")
                .authorize(key.publicKeyLine()).start()) {

            assertThatThrownBy(() -> engine.connect(TestHosts.host("old", sshd, "legacy-key")))
                    .isInstanceOf(SshConnectionException.NoCommonAlgorithm.class)
                    .hasMessageContaining("legacy");

            Host asking = TestHosts.builder("old", sshd, "legacy-key")
                    .legacyAlgorithms("diffie-hellman-group14-sha1", "ssh-rsa").build();
            try (SshSession session = engine.connect(asking)) {
                assertThat(session.exec("echo old-ok", Duration.ofSeconds(20)).output()).isEqualTo("old-ok\n");
            }
        }
    }
}
