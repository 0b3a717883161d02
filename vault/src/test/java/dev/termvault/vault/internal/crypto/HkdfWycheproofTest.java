package dev.termvault.vault.internal.crypto;

import static dev.termvault.vault.internal.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.termvault.vault.secret.SecretAccess;
import dev.termvault.vault.secret.SecretBytes;
import org.junit.jupiter.api.Test;

class HkdfWycheproofTest {

    @Test
    void wycheproof_hkdfSha256_validMatchAndOversizedOutputsAreRefused() {
        JsonNode vectors = TestVectors.load("wycheproof/hkdf_sha256_test.json");
        int valid = 0;
        int invalid = 0;
        for (JsonNode group : vectors.get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                String id = "tcId " + test.get("tcId").asInt();
                byte[] ikm = hex(test.get("ikm"));
                byte[] salt = hex(test.get("salt"));
                byte[] info = hex(test.get("info"));
                int size = test.get("size").asInt();
                if (test.get("result").asText().equals("valid")) {
                    assertThat(Hkdf.derive(ikm, salt, info, size)).as(id).isEqualTo(hex(test.get("okm")));
                    valid++;
                } else {
                    assertThatThrownBy(() -> Hkdf.derive(ikm, salt, info, size)).as(id)
                            .isInstanceOf(IllegalArgumentException.class);
                    invalid++;
                }
            }
        }
        assertThat(valid).isEqualTo(83);
        assertThat(invalid).isEqualTo(3);
    }

    @Test
    void derive_secretBytesVariant_matchesArrayVariant() {
        byte[] ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = hex("000102030405060708090a0b0c");
        byte[] info = hex("f0f1f2f3f4f5f6f7f8f9");
        try (SecretBytes okm = Hkdf.derive(SecretBytes.copyOf(ikm), salt, info, 42)) {
            assertThat(okm.reveal(SecretAccess.insecure())).isEqualTo(hex(
                    "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"));
        }
    }
}
