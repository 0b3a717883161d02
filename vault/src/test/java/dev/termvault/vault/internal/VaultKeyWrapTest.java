package dev.termvault.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultKeyWraps;
import dev.termvault.vault.internal.crypto.CryptoRandom;
import dev.termvault.vault.internal.crypto.KeyHierarchy;
import dev.termvault.vault.internal.crypto.KeyWrap;
import dev.termvault.vault.secret.SecretBytes;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Wrapped vault keys with an account-key epoch: the epoch is bound, so it cannot be relabelled. */
class VaultKeyWrapTest {

    private final UUID vaultId = UUID.randomUUID();

    @Test
    void epochZero_isThePlainWrap_andAHigherEpochIsFramedAndBound() {
        try (SecretBytes accountKey = CryptoRandom.secret(32); SecretBytes vaultKey = KeyHierarchy.newVaultKey()) {
            byte[] plain = VaultKeyWrap.wrap(accountKey, vaultKey, vaultId, 1, 0);
            assertThat(plain).hasSize(KeyWrap.WRAPPED_LENGTH);
            assertThat(VaultKeyWraps.epoch(plain)).isZero();
            byte[] framed = VaultKeyWrap.wrap(accountKey, vaultKey, vaultId, 1, 7);
            assertThat(framed).hasSize(VaultKeyWraps.EPOCH_WRAP_LENGTH);
            assertThat(VaultKeyWraps.epoch(framed)).isEqualTo(7);
            try (SecretBytes opened = VaultKeyWrap.unwrap(accountKey, framed, vaultId, 1)) {
                assertThat(opened).isEqualTo(vaultKey);
            }

            byte[] relabelled = framed.clone();
            relabelled[4] = 6;
            assertThat(VaultKeyWraps.epoch(relabelled)).isEqualTo(6);
            assertThatThrownBy(() -> VaultKeyWrap.unwrap(accountKey, relabelled, vaultId, 1))
                    .isInstanceOf(VaultException.Tampered.class);
            byte[] unframed = java.util.Arrays.copyOfRange(framed, 5, framed.length);
            assertThatThrownBy(() -> VaultKeyWrap.unwrap(accountKey, unframed, vaultId, 1))
                    .as("an epoch wrap without its frame is read as epoch 0 and fails").isInstanceOf(
                            VaultException.Tampered.class);
            assertThatThrownBy(() -> VaultKeyWrap.unwrap(accountKey, framed, vaultId, 2))
                    .isInstanceOf(VaultException.Tampered.class);
        }
    }
}
