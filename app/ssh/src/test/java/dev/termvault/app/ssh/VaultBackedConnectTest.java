package dev.termvault.app.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.termvault.app.ssh.testing.OpenSshServer;
import dev.termvault.app.ssh.testing.SshKeygen;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.KnownHost;

class VaultBackedConnectTest {

    @TempDir
    Path dir;

    @Test
    void connect_withRecordsFromARealVault_storesTheAcceptedHostKeyAsAKnownHostRecord() throws Exception {
        SshKeygen.KeyFiles key = SshKeygen.generate(dir, "id_vault", "ed25519");
        try (OpenSshServer sshd = OpenSshServer.builder(dir.resolve("sshd")).authorize(key.publicKeyLine()).start();
             Vault vault = Vault.createLocal(dir.resolve("vault"), "correct horse".toCharArray()).vault()) {
            String keyId = vault.add(TestHosts.sshKey(key)).id();
            var host = TestHosts.host("from-vault", sshd, keyId);
            vault.add(host);
            FakeSshPrompt prompt = FakeSshPrompt.trustingNewKeys();
            SshConnector engine = SshConnector.builder(new VaultHostDirectory(vault), new VaultKnownHostStore(vault),
                    prompt).build();

            for (int i = 0; i < 2; i++) {
                try (SshSession session = engine.connect(host)) {
                    assertThat(session.exec("echo vault-ok", Duration.ofSeconds(20)).output()).isEqualTo("vault-ok\n");
                }
            }

            assertThat(prompt.newKeyQuestions).hasSize(1);
            assertThat(vault.list(ItemType.KNOWN_HOST)).singleElement().satisfies(r ->
                    assertThat(((KnownHost) r.item()).port()).isEqualTo(sshd.port()));
        }
    }
}
