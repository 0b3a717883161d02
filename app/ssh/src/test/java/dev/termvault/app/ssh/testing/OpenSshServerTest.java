package dev.termvault.app.ssh.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenSshServerTest {

    @TempDir
    Path dir;

    @Test
    void start_authorizedKey_opensshClientLogsInAndRunsCommand() {
        SystemTools.requireOpenSsh();
        SshKeygen.KeyFiles key = SshKeygen.generate(dir, "id_test", "ed25519");
        try (OpenSshServer sshd = OpenSshServer.builder(dir.resolve("sshd")).authorize(key.publicKeyLine()).start()) {
            String out = SshKeygen.run(List.of("ssh", "-F", "/dev/null", "-i", key.privateKeyFile().toString(),
                    "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                    "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-p", Integer.toString(sshd.port()),
                    sshd.user() + "@" + sshd.host(), "echo fixture-ok"));

            assertThat(out).contains("fixture-ok");
            assertThat(sshd.log()).contains("Accepted publickey");
        }
    }

    @Test
    void restartWithNewHostKey_samePort_changesFingerprint() {
        SystemTools.requireOpenSsh();
        try (OpenSshServer sshd = OpenSshServer.builder(dir).start()) {
            String before = sshd.hostKeyFingerprint();
            int port = sshd.port();

            sshd.restartWithNewHostKey();

            assertThat(sshd.isRunning()).isTrue();
            assertThat(sshd.port()).isEqualTo(port);
            assertThat(sshd.hostKeyFingerprint()).startsWith("SHA256:").isNotEqualTo(before);
        }
    }
}
