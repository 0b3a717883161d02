package dev.termvault.app.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.termvault.app.ssh.keys.KeyAlgorithm;
import dev.termvault.app.ssh.keys.KeyGeneration;
import dev.termvault.app.ssh.keys.PublicKeyInstaller;
import dev.termvault.app.ssh.keys.SshKeyRecords;
import dev.termvault.app.ssh.testing.OpenSshServer;
import dev.termvault.app.ssh.testing.SystemTools;
import dev.termvault.vault.model.SshKey;

/** Installing a public key on a real sshd: once, with the right modes, never twice. */
class PublicKeyInstallerTest {

    @TempDir
    Path dir;

    @Test
    void install_twice_addsOneLineWithPrivateModes() throws Exception {
        SystemTools.requireOpenSsh();
        SshKey login = SshKeyRecords.toRecord("login", KeyGeneration.generate(KeyAlgorithm.ED25519, 0, "login"));
        SshKey installed = SshKeyRecords.toRecord("new", KeyGeneration.generate(KeyAlgorithm.ECDSA, 256, "new key"));
        Path remoteHome = Files.createDirectories(dir.resolve("remote-home"));
        FakeHostDirectory directory = new FakeHostDirectory();
        directory.key("login", login);
        try (OpenSshServer sshd = OpenSshServer.builder(dir.resolve("sshd"))
                .config("SetEnv HOME=" + remoteHome).authorize(login.publicKey()).start()) {
            SshConnector engine = SshConnector.builder(directory, new FakeKnownHostStore(),
                    FakeSshPrompt.trustingNewKeys()).build();
            try (SshSession session = engine.connect(TestHosts.host("server", sshd, "login"))) {
                // Never touch the real account's home: the server must hand this session the test's HOME.
                assertThat(session.exec("echo \"$HOME\"", Duration.ofSeconds(20)).output().strip())
                        .isEqualTo(remoteHome.toString());

                PublicKeyInstaller.Outcome first = PublicKeyInstaller.install(session, installed.publicKey());
                PublicKeyInstaller.Outcome second = PublicKeyInstaller.install(session,
                        installed.publicKey().replace("new key", "other comment"));

                assertThat(first).isEqualTo(PublicKeyInstaller.Outcome.ADDED);
                assertThat(second).isEqualTo(PublicKeyInstaller.Outcome.ALREADY_PRESENT);
            }
        }
        Path sshDir = remoteHome.resolve(".ssh");
        Path authorizedKeys = sshDir.resolve("authorized_keys");
        assertThat(Files.readAllLines(authorizedKeys)).containsExactly(installed.publicKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sshDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(authorizedKeys))).isEqualTo("rw-------");
    }

    @Test
    void install_fileWithoutFinalNewline_keyStartsOnItsOwnLine() throws Exception {
        SystemTools.requireOpenSsh();
        SshKey login = SshKeyRecords.toRecord("login", KeyGeneration.generate(KeyAlgorithm.ED25519, 0, "login"));
        SshKey installed = SshKeyRecords.toRecord("new", KeyGeneration.generate(KeyAlgorithm.ED25519, 0, "added"));
        Path remoteHome = Files.createDirectories(dir.resolve("remote-home2"));
        Path authorizedKeys = Files.createDirectories(remoteHome.resolve(".ssh")).resolve("authorized_keys");
        Files.writeString(authorizedKeys, login.publicKey());
        FakeHostDirectory directory = new FakeHostDirectory();
        directory.key("login", login);
        try (OpenSshServer sshd = OpenSshServer.builder(dir.resolve("sshd2"))
                .config("SetEnv HOME=" + remoteHome).authorize(login.publicKey()).start()) {
            SshConnector engine = SshConnector.builder(directory, new FakeKnownHostStore(),
                    FakeSshPrompt.trustingNewKeys()).build();
            try (SshSession session = engine.connect(TestHosts.host("server", sshd, "login"))) {
                assertThat(session.exec("echo \"$HOME\"", Duration.ofSeconds(20)).output().strip())
                        .isEqualTo(remoteHome.toString());
                assertThat(PublicKeyInstaller.install(session, installed.publicKey()))
                        .isEqualTo(PublicKeyInstaller.Outcome.ADDED);
            }
        }
        assertThat(Files.readAllLines(authorizedKeys)).isEqualTo(List.of(login.publicKey(), installed.publicKey()));
    }
}
