package dev.termvault.vault.internal.crypto;

import static dev.termvault.vault.internal.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.termvault.vault.KdfParams;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.secret.SecretAccess;
import dev.termvault.vault.secret.SecretBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Argon2idTest {

    @Test
    void raw_rfc9106Vector_matchesArgon2idTag() {
        JsonNode v = TestVectors.load("rfc/argon2_rfc9106.json");
        byte[] tag = Argon2id.raw(hex(v.get("password_hex")), hex(v.get("salt_hex")), hex(v.get("secret_hex")),
                hex(v.get("associated_data_hex")), v.get("memory_kib").asInt(), v.get("iterations").asInt(),
                v.get("parallelism").asInt(), v.get("tag_length").asInt());
        assertThat(tag).isEqualTo(hex(v.get("tags").get("argon2id")));
    }

    @ParameterizedTest
    @CsvSource({"32,3,4", "65535,3,4", "65536,2,4", "65536,3,0", "0,0,0", "-1,3,4"})
    void derive_belowFloor_refusedBeforeDerivationIsEntered(int m, int t, int p) {
        long before = Argon2id.RAW_DERIVATIONS_ENTERED.get();
        assertThatThrownBy(() -> Argon2id.derive(new byte[8], new byte[16], new KdfParams(m, t, p), 32))
                .isInstanceOf(VaultException.WeakKdfParameters.class);
        assertThat(Argon2id.RAW_DERIVATIONS_ENTERED.get()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource({"1048577,3,4", "65536,17,4", "65536,3,17", "2147483647,2147483647,2147483647"})
    void derive_aboveCeiling_refusedBeforeDerivationIsEntered(int m, int t, int p) {
        long before = Argon2id.RAW_DERIVATIONS_ENTERED.get();
        assertThatThrownBy(() -> Argon2id.derive(new byte[8], new byte[16], new KdfParams(m, t, p), 32))
                .isInstanceOf(VaultException.KdfParametersOutOfRange.class);
        assertThat(Argon2id.RAW_DERIVATIONS_ENTERED.get()).isEqualTo(before);
    }

    @Test
    void kdfParams_defaultFloorAndCeiling_areAcceptableAndOrdered() {
        assertThat(KdfParams.DEFAULT).isEqualTo(new KdfParams(65_536, 3, 4));
        assertThat(KdfParams.DEFAULT.isAcceptable()).isTrue();
        assertThat(KdfParams.FLOOR.isAcceptable()).isTrue();
        assertThat(KdfParams.CEILING.isAcceptable()).isTrue();
        assertThat(KdfParams.DEFAULT.requireAcceptable()).isSameAs(KdfParams.DEFAULT);
        assertThat(new KdfParams(65_536, 2, 1).isAcceptable()).isFalse();
        assertThat(new KdfParams(2_000_000, 3, 1).isAcceptable()).isFalse();
    }

    @Test
    void derive_shortSalt_isRefused() {
        assertThatThrownBy(() -> Argon2id.derive(new byte[8], new byte[15], KdfParams.FLOOR, 32))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derive_floorParams_equalsTheRawPrimitive() {
        byte[] salt = TestVectors.hex("0f0e0d0c0b0a09080706050403020100");
        try (SecretBytes derived = Argon2id.derive("pw".getBytes(), salt, KdfParams.FLOOR, 32)) {
            assertThat(derived.reveal(SecretAccess.insecure())).isEqualTo(Argon2id.raw("pw".getBytes(), salt, null, null, 65_536, 3, 1, 32));
        }
    }
}
