package dev.termvault.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.vault.internal.envelope.Envelopes;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.Snippet;
import dev.termvault.vault.internal.store.OutboxEntry;
import dev.termvault.vault.internal.store.StoreTestAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultKeysTest {

    @TempDir
    Path dir;

    private static List<Host> hosts(int count) {
        return IntStream.range(0, count).mapToObj(i -> Host.of("h" + i, "h" + i + ".example.com", 22, "u")).toList();
    }

    private static Map<Integer, Long> keyVersions(Path dir) throws Exception {
        Map<Integer, Long> versions = new java.util.TreeMap<>();
        for (byte[] envelope : StoreTestAccess.envelopes(dir).values()) {
            versions.merge(Envelopes.peek(envelope).vaultKeyVersion(), 1L, Long::sum);
        }
        return versions;
    }

    @Test
    void changePassword_oldRefusedNewWorksAndNoEnvelopeRewritten() throws Exception {
        try (Vault vault = Vault.createLocal(dir, "first password".toCharArray()).vault()) {
            vault.addAll(hosts(5));
            Map<String, byte[]> envelopesBefore = StoreTestAccess.envelopes(dir);
            Map<String, String> filesBefore = VaultFiles.hashes(dir);

            assertThatThrownBy(() -> vault.account().changePassword("not it".toCharArray(), "x".toCharArray()))
                    .isInstanceOf(VaultException.WrongPassword.class);
            assertThat(VaultFiles.hashes(dir)).isEqualTo(filesBefore);

            char[] oldPassword = "first password".toCharArray();
            char[] newPassword = "second password".toCharArray();
            vault.account().changePassword(oldPassword, newPassword);
            assertThat(oldPassword).containsOnly('\0');
            assertThat(newPassword).containsOnly('\0');
            assertThat(vault.isUnlocked()).isTrue();
            assertThat(vault.list()).hasSize(5);

            Map<String, byte[]> envelopesAfter = StoreTestAccess.envelopes(dir);
            assertThat(envelopesAfter.keySet()).isEqualTo(envelopesBefore.keySet());
            envelopesBefore.forEach((id, bytes) -> assertThat(envelopesAfter.get(id)).isEqualTo(bytes));
        }
        try (Vault vault = Vault.open(dir)) {
            assertThatThrownBy(() -> vault.unlock("first password".toCharArray()))
                    .isInstanceOf(VaultException.WrongPassword.class);
            vault.unlock("second password".toCharArray());
            assertThat(vault.list()).hasSize(5);
            // The in-memory account key is the new one: a rotation wraps under it and survives a re-unlock.
            assertThat(vault.account().rotateVaultKey()).isEqualTo(2);
        }
    }

    @Test
    void rotateVaultKey_everyEnvelopeMovesToTheNewKeyAndAllStayReadable() throws Exception {
        try (Vault vault = Vault.createLocal(dir, "rotate me".toCharArray()).vault()) {
            List<VaultRecord> records = vault.addAll(hosts(450));
            vault.delete(records.get(0).id());
            assertThat(keyVersions(dir)).containsExactly(Map.entry(1, 449L));

            assertThat(vault.account().rotateVaultKey()).isEqualTo(2);
            assertThat(keyVersions(dir)).containsExactly(Map.entry(2, 449L));
            assertThat(StoreTestAccess.count(dir, "vault_key")).isEqualTo(1);
            assertThat(StoreTestAccess.count(dir, "key_rotation")).isZero();
            assertThat(vault.store().sync().outbox(2000)).filteredOn(e -> e.operation().equals("REWRAP"))
                    .extracting(OutboxEntry::revision).hasSize(449).containsOnly(1L);
            assertThat(vault.list()).hasSize(449);

            VaultRecord added = vault.add(new Snippet("uptime", "uptime", null));
            assertThat(Envelopes.peek(StoreTestAccess.envelopes(dir).get(added.id())).vaultKeyVersion())
                    .isEqualTo(2);
        }
        try (Vault vault = Vault.open(dir)) {
            vault.unlock("rotate me".toCharArray());
            assertThat(vault.list()).hasSize(450);
            assertThat(vault.unreadable()).isEmpty();
        }
    }

    @Test
    void rotateVaultKey_interrupted_resumesOnNextCallAndOnUnlock() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Vault vault = Vault.createLocal(dir, "resume me".toCharArray()).vault()) {
            vault.addAll(hosts(50)).forEach(r -> ids.add(r.id()));

            assertThat(vault.rotateVaultKeyStoppingAfter(10, 2)).isEqualTo(2);
            assertThat(keyVersions(dir)).containsExactly(Map.entry(1, 30L), Map.entry(2, 20L));
            assertThat(StoreTestAccess.count(dir, "key_rotation")).isEqualTo(1);
            VaultRecord during = vault.update(ids.get(49), Host.of("during", "during.example.com", 22, null));
            assertThat(Envelopes.peek(StoreTestAccess.envelopes(dir).get(during.id())).vaultKeyVersion())
                    .isEqualTo(2);

            assertThat(vault.account().rotateVaultKey()).isEqualTo(2);
            assertThat(keyVersions(dir)).containsExactly(Map.entry(2, 50L));
            assertThat(StoreTestAccess.count(dir, "key_rotation")).isZero();

            assertThat(vault.rotateVaultKeyStoppingAfter(10, 1)).isEqualTo(3);
            assertThat(keyVersions(dir)).containsExactly(Map.entry(2, 40L), Map.entry(3, 10L));
        }
        try (Vault vault = Vault.open(dir)) {
            vault.unlock("resume me".toCharArray());
            assertThat(StoreTestAccess.count(dir, "key_rotation")).isZero();
            assertThat(keyVersions(dir)).containsExactly(Map.entry(3, 50L));
            assertThat(StoreTestAccess.count(dir, "vault_key")).isEqualTo(1);
            assertThat(vault.list()).extracting(VaultRecord::id).containsExactlyInAnyOrderElementsOf(ids);
        }
    }
}
