package dev.termvault.vault.internal.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.vault.VaultException;
import dev.termvault.vault.internal.crypto.AesGcm;
import dev.termvault.vault.internal.crypto.CryptoRandom;
import dev.termvault.vault.internal.crypto.InvisibleSalamander;
import dev.termvault.vault.internal.crypto.KeyWrap;
import dev.termvault.vault.secret.SecretAccess;
import dev.termvault.vault.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One envelope never opens under two keys. An attacker who knows two DEKs (say, a former member of a
 * shared vault) builds a payload ciphertext that raw AES-GCM accepts under both derived keys, and two
 * key slots; the header's commitment lets only one of them through, before any decryption.
 */
class EnvelopeCommitmentTest {

    private static final int VK_VERSION = 1;

    private final SecretBytes vaultKey = CryptoRandom.secret(32);
    private final RecordAddress address = new RecordAddress(UUID.randomUUID(), UUID.randomUUID(), 3);
    private final VaultKeyResolver keys = VaultKeyResolver.single(VK_VERSION, vaultKey);

    @Test
    void open_salamanderPayloadWithSecondKeySlot_isRejectedAtTheCommitmentBeforeDecrypting() throws Exception {
        SecretBytes dek1 = CryptoRandom.secret(32);
        SecretBytes dek2 = CryptoRandom.secret(32);
        byte[] nonce = AesGcm.newNonce();
        byte[] context = EnvelopeLayout.context(address);
        SecretBytes encKey1 = EnvelopeKeys.encryptionKey(dek1, nonce, context);
        SecretBytes encKey2 = EnvelopeKeys.encryptionKey(dek2, nonce, context);
        byte[] aad = ByteBuffer.allocate(92).put(context).put(EnvelopeKeys.commitment(dek1, nonce, context))
                .put(nonce).array();
        byte[] padded = Padding.pad(("{\"type\":\"note\",\"text\":\"" + "x".repeat(100) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        byte[] blob = InvisibleSalamander.forge(encKey1.reveal(SecretAccess.insecure()), encKey2.reveal(SecretAccess.insecure()), nonce, aad, padded, 2);

        // Raw GCM is fooled: the same ciphertext and tag authenticate under both derived keys.
        byte[] underKey1 = AesGcm.decryptWithNonce(encKey1, nonce, blob, aad);
        byte[] underKey2 = AesGcm.decryptWithNonce(encKey2, nonce, blob, aad);
        assertThat(underKey1).isNotEqualTo(underKey2);

        // The envelope with the first key slot is honest and opens.
        byte[] honest = assemble(aad, dek1, context, blob);
        byte[] expectedPayload = Padding.unpad(underKey1).orElseThrow();
        assertThat(Envelopes.open(address, keys, honest)).isEqualTo(expectedPayload);

        // The same blob with a valid key slot for the second DEK fails, before any payload decryption.
        byte[] malicious = assemble(aad, dek2, context, blob);
        long decryptionsBefore = Envelopes.PAYLOAD_DECRYPTIONS_ATTEMPTED.get();
        assertThatThrownBy(() -> Envelopes.open(address, keys, malicious))
                .isInstanceOf(VaultException.Tampered.class).hasNoCause();
        assertThat(Envelopes.PAYLOAD_DECRYPTIONS_ATTEMPTED.get()).isEqualTo(decryptionsBefore);
    }

    @Test
    void open_underAnotherVaultKey_fails() {
        byte[] envelope = Envelopes.seal(address, VK_VERSION, vaultKey, "secret".getBytes());
        SecretBytes other = CryptoRandom.secret(32);
        assertThatThrownBy(() -> Envelopes.open(address, VaultKeyResolver.single(VK_VERSION, other), envelope))
                .isInstanceOf(VaultException.Tampered.class);
    }

    @Test
    void commitment_dependsOnDekNonceAndAddress() {
        SecretBytes dek = CryptoRandom.secret(32);
        byte[] nonce = AesGcm.newNonce();
        byte[] context = EnvelopeLayout.context(address);
        byte[] base = EnvelopeKeys.commitment(dek, nonce, context);
        byte[] otherNonce = nonce.clone();
        otherNonce[0] ^= 1;
        byte[] otherContext = EnvelopeLayout.context(new RecordAddress(address.vaultId(), address.recordId(), 4));
        assertThat(base).hasSize(32)
                .isNotEqualTo(EnvelopeKeys.commitment(CryptoRandom.secret(32), nonce, context))
                .isNotEqualTo(EnvelopeKeys.commitment(dek, otherNonce, context))
                .isNotEqualTo(EnvelopeKeys.commitment(dek, nonce, otherContext));
        try (SecretBytes encKey = EnvelopeKeys.encryptionKey(dek, nonce, context)) {
            assertThat(encKey.reveal(SecretAccess.insecure())).isNotEqualTo(base);
        }
    }

    private byte[] assemble(byte[] aad, SecretBytes dek, byte[] context, byte[] ciphertextAndTag) {
        byte[] wrapped = KeyWrap.wrap(vaultKey, dek, EnvelopeKeys.keySlotAad(context, VK_VERSION));
        return ByteBuffer.allocate(156 + ciphertextAndTag.length).put(aad).putInt(VK_VERSION).put(wrapped)
                .put(ciphertextAndTag).array();
    }
}
