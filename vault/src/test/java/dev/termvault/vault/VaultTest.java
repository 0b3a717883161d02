package dev.termvault.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.KnownHost;
import dev.termvault.vault.model.SshKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTest {

    @TempDir
    Path dir;

    private static char[] pw(String s) {
        return s.toCharArray();
    }

    @Test
    void createPutLockUnlock_recordsSurviveAndSearchFindsThem() {
        CreatedVault created = Vault.createLocal(dir, pw("correct horse"));
        assertThat(created.secretKey()).startsWith("TV1-");
        String hostId;
        String keyId;
        try (Vault vault = created.vault()) {
            assertThat(vault.isUnlocked()).isTrue();
            VaultRecord key = vault.add(new SshKey("deploy key", "PRIVATE", "ssh-ed25519 AAAA", "me@laptop",
                    "ssh-ed25519"));
            keyId = key.id();
            VaultRecord host = vault.add(Host.of("web", "web.example.org", 22, "deploy"));
            hostId = host.id();
            vault.add(new Credential("db", "postgres", "s3cret"));
            vault.add(new KnownHost("web.example.org", 22, "ssh-ed25519", "AAAAC3Nz", Instant.EPOCH, false));
            VaultRecord moved = vault.update(hostId, Host.of("web", "web2.example.org", 2222, "deploy"));
            assertThat(moved.revision()).isEqualTo(2);

            vault.lock();
            assertThat(vault.isUnlocked()).isFalse();
            assertThatThrownBy(vault::list).isInstanceOf(VaultException.Locked.class);
            assertThatThrownBy(() -> vault.get(hostId)).isInstanceOf(VaultException.Locked.class);
            assertThatThrownBy(() -> vault.add(Host.of("x", "x", 22, null))).isInstanceOf(VaultException.Locked.class);
        }
        try (Vault vault = Vault.open(dir)) {
            assertThat(vault.isUnlocked()).isFalse();
            vault.unlock(pw("correct horse"));
            assertThat(vault.list()).hasSize(4);
            assertThat(vault.list(ItemType.HOST)).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo(hostId);
                assertThat(r.revision()).isEqualTo(2);
                assertThat(((Host) r.item()).hostname()).isEqualTo("web2.example.org");
            });
            assertThat(vault.get(keyId)).get().extracting(VaultRecord::item).isInstanceOf(SshKey.class);
            assertThat(vault.search("WEB2.example")).extracting(VaultRecord::id).containsExactly(hostId);
            assertThat(vault.search("postgres")).hasSize(1);
            assertThat(vault.search("web.example.org")).hasSize(1);
            assertThat(vault.search("")).hasSize(4);
            assertThat(vault.search("nothing-like-this")).isEmpty();

            vault.delete(hostId);
            assertThat(vault.get(hostId)).isEmpty();
            java.util.UUID vaultId = vault.store().primaryVaultId();
            assertThat(vault.store().record(vaultId, java.util.UUID.fromString(hostId))).get().satisfies(row -> {
                assertThat(row.deleted()).isTrue();
                assertThat(row.envelope()).isNull();
                assertThat(row.revision()).isEqualTo(3);
            });
            assertThat(vault.store().sync().outbox(100)).last().satisfies(entry -> {
                assertThat(entry.operation()).isEqualTo("DELETE");
                assertThat(entry.recordId().toString()).isEqualTo(hostId);
            });
            assertThat(vault.list()).hasSize(3);
            assertThatThrownBy(() -> vault.delete(hostId)).isInstanceOf(VaultException.NotFound.class);
            assertThatThrownBy(() -> vault.update(hostId, Host.of("a", "b", 22, null)))
                    .isInstanceOf(VaultException.NotFound.class);
            assertThat(vault.unreadable()).isEmpty();
        }
    }

    @Test
    void search_neverMatchesAPasswordOrAPrivateKey() {
        CreatedVault created = Vault.createLocal(dir, pw("correct horse"));
        try (Vault vault = created.vault()) {
            VaultRecord credential = vault.add(new Credential("billing db", "postgres", "Tr0ub4dor-Zebra"));
            VaultRecord key = vault.add(new SshKey("ci key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk",
                    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5", "ci@build", "ssh-ed25519"));

            assertThat(vault.search("zebra")).as("part of a password").isEmpty();
            assertThat(vault.search("b3BlbnNzaC1rZXk")).as("part of a private key").isEmpty();
            assertThat(vault.search("PRIVATE KEY")).isEmpty();
            assertThat(vault.search("billing postgres")).extracting(VaultRecord::id).containsExactly(credential.id());
            assertThat(vault.search("ci@build")).extracting(VaultRecord::id).containsExactly(key.id());
            assertThat(vault.search("AAAAC3NzaC1lZDI1NTE5")).as("the public key is not a secret")
                    .extracting(VaultRecord::id).containsExactly(key.id());
        }
    }

    @Test
    void createLocal_twice_throwsAlreadyExists() {
        Vault.createLocal(dir, pw("pw-one-long")).vault().close();
        char[] second = pw("pw-two-long");
        assertThatThrownBy(() -> Vault.createLocal(dir, second)).isInstanceOf(VaultException.AlreadyExists.class);
        assertThat(second).containsOnly('\0');
    }

    @Test
    void open_emptyFolder_throwsNotAVault() {
        assertThat(Vault.exists(dir)).isFalse();
        assertThatThrownBy(() -> Vault.open(dir)).isInstanceOf(VaultException.NotAVault.class);
        assertThat(List.of()).isEmpty();
    }
}
