package dev.termvault.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.app.ssh.testing.OpenSshServer;
import dev.termvault.app.ssh.testing.SshKeygen;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.KnownHost;
import dev.termvault.vault.model.SshKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectCommandTest {

    @TempDir
    Path dir;

    @Test
    void connect_knownHostWithCommand_printsOutputAndExitsWithItsStatus() {
        SshKeygen.KeyFiles key = SshKeygen.generate(dir, "id_cli", "ed25519");
        Path vaultDir = dir.resolve("vault");
        try (OpenSshServer sshd = OpenSshServer.builder(dir.resolve("sshd")).authorize(key.publicKeyLine()).start()) {
            try (Vault vault = Vault.createLocal(vaultDir, "pw".toCharArray()).vault()) {
                String keyId = vault.add(new SshKey("cli key", key.privateKeyText(), key.publicKeyLine(), "",
                        key.keyType())).id();
                vault.add(host("known", sshd.host(), sshd, keyId));
                String[] hostKey = sshd.hostPublicKeyLine().split(" ");
                vault.add(new KnownHost(sshd.host(), sshd.port(), hostKey[0], hostKey[1], Instant.now(), false));
            }
            CliRun cli = new CliRun(dir.resolve("default-vault"));
            cli.environment.put("TV_PASSWORD", "pw");

            CliRun.Result ok = cli.run("--vault", vaultDir.toString(), "--password-env", "TV_PASSWORD",
                    "connect", "known", "--known-hosts-only", "--command", "echo from-the-host; exit 3");
            assertThat(ok.out()).isEqualTo("from-the-host\n");
            assertThat(ok.exitCode()).isEqualTo(3);
        }
    }

    @Test
    void connect_termvaultsOwnFailures_exitWith255NotWithACodeARemoteCommandCouldReturn() {
        Path vaultDir = dir.resolve("vault");
        Vault.createLocal(vaultDir, "pw".toCharArray()).vault().close();
        CliRun cli = new CliRun(dir.resolve("default-vault"));
        cli.environment.put("TV_PASSWORD", "pw");
        cli.environment.put("WRONG", "not pw");

        CliRun.Result unknownHost = cli.run("--vault", vaultDir.toString(), "--password-env", "TV_PASSWORD",
                "connect", "no-such-host", "--command", "true");
        CliRun.Result wrongPassword = cli.run("--vault", vaultDir.toString(), "--password-env", "WRONG",
                "connect", "no-such-host", "--command", "true");
        CliRun.Result badOption = cli.run("connect", "--no-such-option", "web");

        assertThat(unknownHost.exitCode()).as(unknownHost.err()).isEqualTo(ExitCodes.CONNECT_FAILED);
        assertThat(wrongPassword.exitCode()).as(wrongPassword.err()).isEqualTo(ExitCodes.CONNECT_FAILED);
        assertThat(wrongPassword.err()).contains("Wrong master password").contains("(exit code 255)");
        assertThat(badOption.exitCode()).as(badOption.err()).isEqualTo(ExitCodes.CONNECT_FAILED);
        assertThat(cli.run("hosts", "show", "no-such-host", "--vault", vaultDir.toString(), "--password-env",
                "TV_PASSWORD").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    private static Host host(String label, String hostname, OpenSshServer sshd, String keyId) {
        return new Host(label, hostname, sshd.port(), sshd.user(), AuthMethod.KEY, keyId, null, List.of(), List.of(),
                List.of(), null, null, 0, Map.of(), false, List.of());
    }
}
