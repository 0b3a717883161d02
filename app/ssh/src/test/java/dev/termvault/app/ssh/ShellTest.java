package dev.termvault.app.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.termvault.app.ssh.testing.OpenSshServer;
import dev.termvault.app.ssh.testing.SshKeygen;

class ShellTest {

    @TempDir
    Path dir;

    @Test
    void openShell_typeCommandsAndResize_readsOutputAndNewSize() throws Exception {
        SshKeygen.KeyFiles key = SshKeygen.generate(dir, "id_shell", "ed25519");
        FakeHostDirectory directory = new FakeHostDirectory().key("k", TestHosts.sshKey(key));
        try (OpenSshServer sshd = OpenSshServer.builder(dir.resolve("sshd")).authorize(key.publicKeyLine()).start();
             SshSession session = SshConnector.builder(directory, new FakeKnownHostStore(),
                     FakeSshPrompt.trustingNewKeys()).build().connect(TestHosts.host("shell", sshd, "k"));
             Shell shell = session.openShell(80, 24);
             TerminalReader terminal = new TerminalReader(shell.output())) {

            TerminalReader.type(shell, "echo \"term=$TERM\"; echo \"size=$(stty size)\"");
            assertThat(terminal.awaitMatch(0, "term=(\\S+)\r?\n")).isEqualTo("xterm-256color");
            assertThat(terminal.awaitMatch(0, "size=(\\d+ \\d+)")).isEqualTo("24 80");

            int mark = terminal.text().length();
            shell.resize(132, 40);
            TerminalReader.type(shell, "echo \"resized=$(stty size)\"");
            assertThat(terminal.awaitMatch(mark, "resized=(\\d+ \\d+)")).isEqualTo("40 132");

            TerminalReader.type(shell, "exit 7");
            assertThat(shell.awaitClosed(Duration.ofSeconds(20))).isTrue();
            assertThat(shell.exitStatus()).hasValue(7);
        }
    }

    @Test
    void connect_hostWithKeepAlive_sendsOpenSshKeepAliveRequests() throws Exception {
        SshKeygen.KeyFiles key = SshKeygen.generate(dir, "id_keepalive", "ed25519");
        FakeHostDirectory directory = new FakeHostDirectory().key("k", TestHosts.sshKey(key));
        try (OpenSshServer sshd = OpenSshServer.builder(dir.resolve("sshd")).config("LogLevel DEBUG1")
                .authorize(key.publicKeyLine()).start();
             SshSession session = SshConnector.builder(directory, new FakeKnownHostStore(),
                     FakeSshPrompt.trustingNewKeys()).build()
                     .connect(TestHosts.builder("alive", sshd, "k").keepAliveSeconds(1).build())) {

            await("a keepalive@openssh.com request in sshd's log").atMost(Duration.ofSeconds(20))
                    .until(() -> sshd.log().contains("rtype keepalive@openssh.com"));
            assertThat(session.isOpen()).isTrue();
        }
    }
}
