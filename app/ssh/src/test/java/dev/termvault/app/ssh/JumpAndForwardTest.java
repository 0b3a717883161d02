package dev.termvault.app.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.termvault.app.ssh.testing.OpenSshServer;
import dev.termvault.app.ssh.testing.SshKeygen;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.PortForward;

class JumpAndForwardTest {

    @TempDir
    Path dir;

    private final FakeHostDirectory directory = new FakeHostDirectory();
    private final FakeKnownHostStore knownHosts = new FakeKnownHostStore();
    private final FakeSshPrompt prompt = FakeSshPrompt.trustingNewKeys();

    private SshKeygen.KeyFiles key(String id) {
        SshKeygen.KeyFiles files = SshKeygen.generate(dir, id, "ed25519");
        directory.key(id, TestHosts.sshKey(files));
        return files;
    }

    @Test
    void connect_throughTwoJumpHosts_usesEachHopsOwnKeyAndHostKeyCheck() throws Exception {
        SshKeygen.KeyFiles k1 = key("jump1-key");
        SshKeygen.KeyFiles k2 = key("jump2-key");
        SshKeygen.KeyFiles kt = key("target-key");
        try (OpenSshServer target = OpenSshServer.builder(dir.resolve("target")).authorize(kt.publicKeyLine()).start();
             OpenSshServer jump2 = OpenSshServer.builder(dir.resolve("jump2")).authorize(k2.publicKeyLine())
                     .config("PermitOpen 127.0.0.1:" + target.port()).start();
             OpenSshServer jump1 = OpenSshServer.builder(dir.resolve("jump1")).authorize(k1.publicKeyLine())
                     .config("PermitOpen 127.0.0.1:" + jump2.port()).start()) {
            directory.host("j1", TestHosts.host("jump one", jump1, "jump1-key"));
            directory.host("j2", TestHosts.host("jump two", jump2, "jump2-key"));
            Host host = TestHosts.builder("target", target, "target-key").jumpHosts("j1", "j2").build();

            try (SshSession session = SshConnector.builder(directory, knownHosts, prompt).build().connect(host)) {
                assertThat(session.exec("echo through-the-chain", Duration.ofSeconds(20)).output())
                        .isEqualTo("through-the-chain\n");
            }

            assertThat(jump1.log()).contains(SshKeygen.sha256Fingerprint(k1.publicKeyFile()));
            assertThat(jump2.log()).contains(SshKeygen.sha256Fingerprint(k2.publicKeyFile()));
            assertThat(target.log()).contains("Accepted publickey")
                    .contains(SshKeygen.sha256Fingerprint(kt.publicKeyFile()));
            assertThat(prompt.newKeyQuestions).extracting(SshPrompt.HostKeyQuestion::fingerprint)
                    .containsExactly(jump1.hostKeyFingerprint(), jump2.hostKeyFingerprint(),
                            target.hostKeyFingerprint());
            assertThat(prompt.newKeyQuestions).extracting(SshPrompt.HostKeyQuestion::port)
                    .containsExactly(jump1.port(), jump2.port(), target.port());
        }
    }

    @Test
    void connect_secondJumpHostRejectsKey_throwsJumpHostFailedNamingHopTwo() throws Exception {
        SshKeygen.KeyFiles k1 = key("jump1-key");
        key("unauthorized-key");
        SshKeygen.KeyFiles kt = key("target-key");
        try (OpenSshServer target = OpenSshServer.builder(dir.resolve("target")).authorize(kt.publicKeyLine()).start();
             OpenSshServer jump2 = OpenSshServer.builder(dir.resolve("jump2")).start();
             OpenSshServer jump1 = OpenSshServer.builder(dir.resolve("jump1")).authorize(k1.publicKeyLine()).start()) {
            directory.host("j1", TestHosts.host("jump one", jump1, "jump1-key"));
            directory.host("j2", TestHosts.host("jump two", jump2, "unauthorized-key"));
            Host host = TestHosts.builder("target", target, "target-key").jumpHosts("j1", "j2").build();

            assertThatThrownBy(() -> SshConnector.builder(directory, knownHosts, prompt).build().connect(host))
                    .isInstanceOfSatisfying(SshConnectionException.JumpHostFailed.class, e -> {
                        assertThat(e.hop()).isEqualTo(2);
                        assertThat(e.reason()).isInstanceOf(SshConnectionException.AuthenticationFailed.class);
                        assertThat(e.getMessage()).startsWith("Jump host 2 (jump two) failed");
                    });
        }
    }

    @Test
    void connect_withLocalRemoteAndDynamicForwards_eachCarriesBytesBothWays() throws Exception {
        SshKeygen.KeyFiles k = key("fwd-key");
        try (EchoServer echo = new EchoServer();
             OpenSshServer sshd = OpenSshServer.builder(dir.resolve("sshd")).authorize(k.publicKeyLine()).start()) {
            Host host = TestHosts.builder("forwards", sshd, "fwd-key").forwards(
                    new PortForward(PortForward.Kind.LOCAL, null, 0, "127.0.0.1", echo.port()),
                    new PortForward(PortForward.Kind.REMOTE, null, 0, "127.0.0.1", echo.port()),
                    new PortForward(PortForward.Kind.DYNAMIC, null, 0, null, 0)).build();

            try (SshSession session = SshConnector.builder(directory, knownHosts, prompt).build().connect(host)) {
                assertThat(session.forwards()).hasSize(3).allSatisfy(b -> assertThat(b.boundPort()).isPositive());

                try (Socket local = new Socket(InetAddress.getLoopbackAddress(), session.forwards().get(0).boundPort())) {
                    assertEchoes(local, "through the local forward");
                }
                try (Socket remote = new Socket(InetAddress.getLoopbackAddress(), session.forwards().get(1).boundPort())) {
                    assertEchoes(remote, "through the remote forward");
                }
                try (Socket socks = new Socket(InetAddress.getLoopbackAddress(), session.forwards().get(2).boundPort())) {
                    socks5Connect(socks, echo.port());
                    assertEchoes(socks, "through the SOCKS5 forward");
                }
            }
        }
    }

    private static void assertEchoes(Socket socket, String message) throws IOException {
        socket.setSoTimeout(20_000);
        byte[] sent = message.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(sent);
        socket.getOutputStream().flush();
        byte[] received = new byte[sent.length];
        new DataInputStream(socket.getInputStream()).readFully(received);
        assertThat(new String(received, StandardCharsets.UTF_8)).isEqualTo(message);
    }

    /** A minimal SOCKS5 client: no authentication, CONNECT to 127.0.0.1:port. */
    private static void socks5Connect(Socket socket, int port) throws IOException {
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        out.write(new byte[] {5, 1, 0});
        out.flush();
        byte[] method = new byte[2];
        in.readFully(method);
        assertThat(method).containsExactly(5, 0);
        out.write(new byte[] {5, 1, 0, 1, 127, 0, 0, 1, (byte) (port >> 8), (byte) port});
        out.flush();
        byte[] reply = new byte[10];
        in.readFully(reply);
        assertThat(reply[0]).isEqualTo((byte) 5);
        assertThat(reply[1]).as("SOCKS5 reply code").isEqualTo((byte) 0);
    }
}
