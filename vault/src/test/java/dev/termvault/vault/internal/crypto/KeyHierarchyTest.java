package dev.termvault.vault.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.vault.KdfParams;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.secret.SecretAccess;
import dev.termvault.vault.secret.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyHierarchyTest {

    private static final byte[] SALT = TestVectors.hex("000102030405060708090a0b0c0d0e0f");

    @Test
    void userKey_weakParams_refusedBeforeThePasswordIsRead() {
        // An unpaired surrogate would make password encoding throw IllegalArgumentException: the
        // WeakKdfParameters error proves the parameters were checked before the password was touched.
        char[] unencodable = {'a', '\uD800'};
        long before = Argon2id.RAW_DERIVATIONS_ENTERED.get();
        for (KdfParams weak : List.of(new KdfParams(32, 3, 4), new KdfParams(65_536, 1, 4), new KdfParams(65_536, 3, 0))) {
            assertThatThrownBy(() -> KeyHierarchy.userKey(unencodable, SecretKey.generate(), SALT, weak))
                    .isInstanceOf(VaultException.WeakKdfParameters.class);
            assertThatThrownBy(() -> KeyHierarchy.passwordKey(unencodable, SALT, weak))
                    .isInstanceOf(VaultException.WeakKdfParameters.class);
        }
        assertThatThrownBy(() -> KeyHierarchy.userKey(unencodable, SecretKey.generate(), SALT,
                new KdfParams(4_194_304, 3, 4))).isInstanceOf(VaultException.KdfParametersOutOfRange.class);
        assertThat(Argon2id.RAW_DERIVATIONS_ENTERED.get()).isEqualTo(before);
    }

    @Test
    void userKey_isPasswordKeyXorSecretKeyKey_asSpecified() {
        SecretKey secretKey = SecretKey.generate();
        char[] password = "correct horse".toCharArray();
        try (SecretBytes user = KeyHierarchy.userKey(password, secretKey, SALT, KdfParams.FLOOR)) {
            byte[] kPw = Argon2id.raw("correct horse".getBytes(StandardCharsets.UTF_8), SALT, null, null,
                    65_536, 3, 1, 32);
            byte[] kSk;
            try (SecretBytes raw = secretKey.toSecretBytes()) {
                kSk = Hkdf.derive(raw.reveal(SecretAccess.insecure()), SALT, "termvault/v1/secret-key".getBytes(StandardCharsets.US_ASCII), 32);
            }
            byte[] expected = new byte[32];
            for (int i = 0; i < 32; i++) {
                expected[i] = (byte) (kPw[i] ^ kSk[i]);
            }
            assertThat(user.reveal(SecretAccess.insecure())).isEqualTo(expected);
            assertThat(password).isEqualTo("correct horse".toCharArray());
        }
    }

    @Test
    void passwordKey_nfkcEquivalentSpellings_deriveTheSameKey() {
        // U+FB01 (the "fi" ligature) and a decomposed e-acute normalise to "fi" and U+00E9 under NFKC.
        char[] composed = "caf\u00e9 fi".toCharArray();
        char[] compatibility = "cafe\u0301 \uFB01".toCharArray();
        try (SecretBytes a = KeyHierarchy.passwordKey(composed, SALT, KdfParams.FLOOR);
             SecretBytes b = KeyHierarchy.passwordKey(compatibility, SALT, KdfParams.FLOOR)) {
            assertThat(a).isEqualTo(b);
        }
        assertThat(KeyHierarchy.normalizedUtf8(compatibility))
                .isEqualTo("caf\u00e9 fi".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void derivedKeys_areDistinctAndAccountKeyNeedsBothHalves() {
        try (SecretBytes user = CryptoRandom.secret(32);
             SecretBytes otherUser = CryptoRandom.secret(32);
             SecretBytes share = KeyHierarchy.newServiceShare();
             SecretBytes otherShare = KeyHierarchy.newServiceShare();
             SecretBytes srpX = KeyHierarchy.srpX(user);
             SecretBytes local = KeyHierarchy.localKey(user);
             SecretBytes account = KeyHierarchy.accountKey(user, share);
             SecretBytes accountOtherShare = KeyHierarchy.accountKey(user, otherShare);
             SecretBytes accountOtherUser = KeyHierarchy.accountKey(otherUser, share)) {
            assertThat(List.of(srpX, local, account, accountOtherShare, accountOtherUser, user))
                    .doesNotHaveDuplicates();
            assertThat(KeyHierarchy.localKey(user)).isEqualTo(local);
            assertThat(local.length()).isEqualTo(32);
            assertThat(srpX.length()).isEqualTo(32);
        }
    }

    @Test
    void secretKeyKey_dependsOnSecretKeyAndSalt() {
        SecretKey sk = SecretKey.generate();
        byte[] otherSalt = SALT.clone();
        otherSalt[15] ^= 1;
        try (SecretBytes a = KeyHierarchy.secretKeyKey(sk, SALT);
             SecretBytes b = KeyHierarchy.secretKeyKey(sk, otherSalt);
             SecretBytes c = KeyHierarchy.secretKeyKey(SecretKey.generate(), SALT)) {
            assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
        }
    }

    @Test
    void newSalt_is16FreshBytes() {
        assertThat(KeyHierarchy.newSalt()).hasSize(16).isNotEqualTo(KeyHierarchy.newSalt());
    }
}
