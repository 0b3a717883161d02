package dev.termvault.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.vault.internal.crypto.KdfDerivationCounter;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.internal.store.StoreTestAccess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultUnlockTest {

    private static final String PASSWORD = "tr0ub4dor & 3";

    @TempDir
    Path dir;

    private List<VaultRecord> createWithHosts(int count) {
        try (Vault vault = Vault.createLocal(dir, PASSWORD.toCharArray()).vault()) {
            for (int i = 0; i < count; i++) {
                vault.add(Host.of("host-" + i, "h" + i + ".example.net", 22, "user" + i));
            }
            return vault.list();
        }
    }

    @Test
    void unlock_wrongPassword_throwsWrongPasswordAndWritesNothing() {
        createWithHosts(3);
        Map<String, String> before = VaultFiles.hashes(dir);
        char[] wrong = "Tr0ub4dor & 3".toCharArray();
        try (Vault vault = Vault.open(dir)) {
            Map<String, String> whileOpen = VaultFiles.hashes(dir);
            assertThatThrownBy(() -> vault.unlock(wrong)).isInstanceOf(VaultException.WrongPassword.class)
                    .hasMessage("wrong password or Secret Key");
            assertThat(vault.isUnlocked()).isFalse();
            assertThat(VaultFiles.hashes(dir)).isEqualTo(whileOpen);
        }
        assertThat(wrong).containsOnly('\0');
        assertThat(VaultFiles.hashes(dir)).isEqualTo(before);
    }

    @Test
    void unlock_kdfParametersBelowFloor_refusedBeforeAnyDerivation() throws Exception {
        createWithHosts(1);
        StoreTestAccess.setKdfParams(dir, 1024, 1, 1);
        try (Vault vault = Vault.open(dir)) {
            long derivationsBefore = KdfDerivationCounter.entered();
            assertThatThrownBy(() -> vault.unlock(PASSWORD.toCharArray()))
                    .isInstanceOf(VaultException.WeakKdfParameters.class);
            assertThat(KdfDerivationCounter.entered()).isEqualTo(derivationsBefore);
            assertThat(vault.isUnlocked()).isFalse();
        }
        StoreTestAccess.setKdfParams(dir, 65536, 2, 4);
        try (Vault vault = Vault.open(dir)) {
            assertThatThrownBy(() -> vault.unlock(PASSWORD.toCharArray()))
                    .isInstanceOf(VaultException.WeakKdfParameters.class);
        }
    }

    @Test
    void unlock_oneTamperedRecord_othersReadableAndItIsNamed() throws Exception {
        List<VaultRecord> records = createWithHosts(4);
        VaultRecord victim = records.get(2);
        int lastByte = StoreTestAccess.envelopes(dir).get(victim.id()).length - 1;
        StoreTestAccess.flipEnvelopeByte(dir, victim.id(), lastByte);
        try (Vault vault = Vault.open(dir)) {
            vault.unlock(PASSWORD.toCharArray());
            assertThat(vault.unreadable()).containsExactly(victim.id());
            assertThatThrownBy(() -> vault.get(victim.id())).isInstanceOf(VaultException.Tampered.class)
                    .hasMessageContaining(victim.id());
            assertThat(vault.list()).hasSize(3).extracting(VaultRecord::id).doesNotContain(victim.id());
            assertThat(vault.search("example.net")).hasSize(3);
            for (VaultRecord other : records) {
                if (!other.equals(victim)) {
                    assertThat(vault.get(other.id())).contains(other);
                }
            }
            // The damaged record can be overwritten (or deleted) to recover.
            vault.update(victim.id(), Host.of("fixed", "fixed.example.net", 22, null));
            assertThat(vault.unreadable()).isEmpty();
            assertThat(vault.get(victim.id())).get().extracting(VaultRecord::revision).isEqualTo(2L);
        }
    }
}
