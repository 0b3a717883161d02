package dev.termvault.vault.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.vault.secret.SecretAccess;
import dev.termvault.vault.secret.SecretBytes;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Why the envelope needs key commitment: raw AES-GCM lets one blob open under two keys. */
class AesGcmNotCommittingTest {

    @Test
    void gfArithmetic_inverseTimesValue_isOne() {
        long[] x = {0x0123456789abcdefL, 0x0fedcba987654321L};
        assertThat(InvisibleSalamander.multiply(x, InvisibleSalamander.inverse(x)))
                .containsExactly(Long.MIN_VALUE, 0);
    }

    @Test
    void forge_keepsTheHonestCiphertextOutsideTheFreeBlock() throws Exception {
        SecretBytes key = CryptoRandom.secret(32);
        byte[] nonce = AesGcm.newNonce();
        byte[] aad = "header".getBytes();
        byte[] plaintext = new byte[64];
        Arrays.fill(plaintext, (byte) 'x');
        byte[] honest = AesGcm.encryptWithNonce(key, nonce, plaintext, aad);
        byte[] forged = InvisibleSalamander.forge(key.reveal(SecretAccess.insecure()), CryptoRandom.secret(32).reveal(SecretAccess.insecure()), nonce, aad, plaintext, 1);
        assertThat(Arrays.copyOfRange(forged, 0, 16)).isEqualTo(Arrays.copyOfRange(honest, 0, 16));
        assertThat(Arrays.copyOfRange(forged, 32, 64)).isEqualTo(Arrays.copyOfRange(honest, 32, 64));
    }

    @Test
    void decryptWithNonce_salamanderCiphertext_authenticatesUnderTwoDifferentKeys() throws Exception {
        SecretBytes key1 = CryptoRandom.secret(32);
        SecretBytes key2 = CryptoRandom.secret(32);
        byte[] nonce = AesGcm.newNonce();
        byte[] aad = "same associated data".getBytes();
        byte[] plaintext = "ssh admin@prod.example.com -p 22 ; the free block is next: ................".getBytes();
        byte[] blocks = Arrays.copyOf(plaintext, (plaintext.length + 15) / 16 * 16);

        byte[] blob = InvisibleSalamander.forge(key1.reveal(SecretAccess.insecure()), key2.reveal(SecretAccess.insecure()), nonce, aad, blocks, 4);

        byte[] underKey1 = AesGcm.decryptWithNonce(key1, nonce, blob, aad);
        byte[] underKey2 = AesGcm.decryptWithNonce(key2, nonce, blob, aad);
        assertThat(underKey1).isNotEqualTo(underKey2);
        assertThat(Arrays.copyOfRange(underKey1, 0, 64)).isEqualTo(Arrays.copyOfRange(blocks, 0, 64));
    }
}
