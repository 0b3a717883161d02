package dev.termvault.vault.internal.crypto;

import static dev.termvault.vault.internal.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.termvault.vault.secret.SecretBytes;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AesGcmWycheproofTest {

    @Test
    void wycheproof_256BitKey96BitIv128BitTag_validRoundTripExactlyAndInvalidAreRejected() throws Exception {
        JsonNode vectors = TestVectors.load("wycheproof/aes_gcm_test.json");
        int valid = 0;
        int invalid = 0;
        for (JsonNode group : vectors.get("testGroups")) {
            if (group.get("keySize").asInt() != 256 || group.get("ivSize").asInt() != 96
                    || group.get("tagSize").asInt() != 128) {
                continue;
            }
            for (JsonNode test : group.get("tests")) {
                String id = "tcId " + test.get("tcId").asInt();
                SecretBytes key = SecretBytes.copyOf(hex(test.get("key")));
                byte[] iv = hex(test.get("iv"));
                byte[] aad = hex(test.get("aad"));
                byte[] msg = hex(test.get("msg"));
                byte[] ctAndTag = concat(hex(test.get("ct")), hex(test.get("tag")));
                switch (test.get("result").asText()) {
                    case "valid" -> {
                        assertThat(AesGcm.encryptWithNonce(key, iv, msg, aad)).as(id).isEqualTo(ctAndTag);
                        assertThat(AesGcm.decryptWithNonce(key, iv, ctAndTag, aad)).as(id).isEqualTo(msg);
                        assertThat(AesGcm.decrypt(key, concat(iv, ctAndTag), aad)).as(id).isEqualTo(msg);
                        valid++;
                    }
                    case "invalid" -> {
                        assertThatThrownBy(() -> AesGcm.decryptWithNonce(key, iv, ctAndTag, aad)).as(id)
                                .isInstanceOf(DecryptionFailedException.class)
                                .hasMessage("decryption failed")
                                .hasNoCause();
                        invalid++;
                    }
                    // No 256/96/128 case is "acceptable" in this file; if one appears, decide deliberately.
                    default -> fail(id + ": result " + test.get("result").asText() + " needs a decision");
                }
            }
        }
        assertThat(valid).isEqualTo(39);
        assertThat(invalid).isEqualTo(27);
    }

    @Test
    void wycheproof_otherKeyAndIvSizes_areRefusedByTheApi() {
        JsonNode vectors = TestVectors.load("wycheproof/aes_gcm_test.json");
        int refused = 0;
        for (JsonNode group : vectors.get("testGroups")) {
            boolean ours = group.get("keySize").asInt() == 256 && group.get("ivSize").asInt() == 96;
            if (ours) {
                continue;
            }
            for (JsonNode test : group.get("tests")) {
                SecretBytes key = SecretBytes.copyOf(nonEmpty(hex(test.get("key"))));
                byte[] iv = hex(test.get("iv"));
                byte[] ctAndTag = concat(hex(test.get("ct")), hex(test.get("tag")));
                assertThatThrownBy(() -> AesGcm.decryptWithNonce(key, iv, ctAndTag, hex(test.get("aad"))))
                        .as("tcId " + test.get("tcId").asInt())
                        .isInstanceOf(IllegalArgumentException.class);
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(200);
    }

    @Test
    void encrypt_keyOf16Or24Bytes_isRefused() {
        for (int length : new int[] {16, 24, 31, 33, 64}) {
            SecretBytes key = CryptoRandom.secret(length);
            assertThatThrownBy(() -> AesGcm.encrypt(key, new byte[1], new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void encryptWithNonce_nonceOtherThan12Bytes_isRefused() {
        SecretBytes key = CryptoRandom.secret(32);
        for (int length : new int[] {0, 8, 11, 13, 16, 64}) {
            assertThatThrownBy(() -> AesGcm.encryptWithNonce(key, new byte[length], new byte[1], null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void decrypt_tagShorterThan16Bytes_isRejected() throws Exception {
        SecretBytes key = CryptoRandom.secret(32);
        byte[] nonce = AesGcm.newNonce();
        byte[] sealed = AesGcm.encryptWithNonce(key, nonce, "hello".getBytes(), null);
        for (int tagLength : new int[] {12, 8, 4}) {
            byte[] truncated = Arrays.copyOf(sealed, sealed.length - (16 - tagLength));
            assertThatThrownBy(() -> AesGcm.decryptWithNonce(key, nonce, truncated, null))
                    .isInstanceOf(DecryptionFailedException.class).hasNoCause();
        }
        assertThat(AesGcm.decryptWithNonce(key, nonce, sealed, null)).isEqualTo("hello".getBytes());
    }

    @Test
    void decrypt_wrongKeyOrAad_failsWithoutCause() {
        SecretBytes key = CryptoRandom.secret(32);
        byte[] sealed = AesGcm.encrypt(key, "secret".getBytes(), "aad".getBytes());
        assertThatThrownBy(() -> AesGcm.decrypt(CryptoRandom.secret(32), sealed, "aad".getBytes()))
                .isInstanceOf(DecryptionFailedException.class).hasMessage("decryption failed").hasNoCause();
        assertThatThrownBy(() -> AesGcm.decrypt(key, sealed, "aad!".getBytes()))
                .isInstanceOf(DecryptionFailedException.class).hasNoCause();
        assertThatThrownBy(() -> AesGcm.decrypt(key, new byte[27], null))
                .isInstanceOf(DecryptionFailedException.class).hasNoCause();
    }

    private static byte[] nonEmpty(byte[] key) {
        return key.length == 0 ? new byte[1] : key;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
