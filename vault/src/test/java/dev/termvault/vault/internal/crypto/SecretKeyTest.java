package dev.termvault.vault.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.vault.VaultException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SecretKeyTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @RepeatedTest(20)
    void emergencyKitFormat_roundTrips() {
        SecretKey key = SecretKey.generate();
        String text = key.toEmergencyKitFormat();
        assertThat(text).matches("TV1(-[0-9A-HJKMNP-TV-Z]{4}){7}");
        assertThat(SecretKey.parse(text)).isEqualTo(key);
    }

    @Test
    void parse_toleratesCaseDashesSpacesAndLookAlikes() {
        SecretKey key = SecretKey.fromBytes(TestVectors.hex("00112233445566778899aabbccddeeff"));
        String text = key.toEmergencyKitFormat();
        String sloppy = " " + text.toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l') + "\n";
        assertThat(SecretKey.parse(sloppy)).isEqualTo(key);
        assertThat(SecretKey.parse(text.replace("-", ""))).isEqualTo(key);
    }

    @Test
    void parse_everySingleMistypedCharacter_isCaughtByTheChecksum() {
        SecretKey key = SecretKey.generate();
        String text = key.toEmergencyKitFormat();
        int checked = 0;
        for (int i = 4; i < text.length(); i++) {
            if (text.charAt(i) == '-') {
                continue;
            }
            for (char replacement : ALPHABET.toCharArray()) {
                if (replacement == text.charAt(i)) {
                    continue;
                }
                String typo = text.substring(0, i) + replacement + text.substring(i + 1);
                assertThatThrownBy(() -> SecretKey.parse(typo)).as(typo)
                        .isInstanceOf(VaultException.InvalidSecretKey.class);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(28 * 31);
    }

    @Test
    void parse_swappedNeighbouringDataCharacters_areCaught() {
        String text = SecretKey.generate().toEmergencyKitFormat().replace("-", "").substring(3);
        for (int i = 0; i + 1 < 26; i++) {
            if (text.charAt(i) == text.charAt(i + 1)) {
                continue;
            }
            String swapped = "TV1" + text.substring(0, i) + text.charAt(i + 1) + text.charAt(i) + text.substring(i + 2);
            assertThatThrownBy(() -> SecretKey.parse(swapped)).isInstanceOf(VaultException.InvalidSecretKey.class);
        }
    }

    @Test
    void parse_wrongPrefixLengthOrCharacters_isRefused() {
        String text = SecretKey.generate().toEmergencyKitFormat();
        assertThatThrownBy(() -> SecretKey.parse("TV2" + text.substring(3))).isInstanceOf(VaultException.InvalidSecretKey.class);
        assertThatThrownBy(() -> SecretKey.parse(text.substring(0, text.length() - 1))).isInstanceOf(VaultException.InvalidSecretKey.class);
        assertThatThrownBy(() -> SecretKey.parse(text + "A")).isInstanceOf(VaultException.InvalidSecretKey.class);
        assertThatThrownBy(() -> SecretKey.parse(text.substring(0, 5) + "U" + text.substring(6))).isInstanceOf(VaultException.InvalidSecretKey.class);
        assertThatThrownBy(() -> SecretKey.parse("")).isInstanceOf(VaultException.InvalidSecretKey.class);
    }

    @Test
    void toString_isRedacted() {
        SecretKey key = SecretKey.generate();
        String text = key.toEmergencyKitFormat();
        assertThat(key.toString()).doesNotContain(text.substring(4, 8)).isEqualTo("SecretKey[TV1-****]");
    }

    @Test
    void destroy_wipesTheKey() {
        SecretKey key = SecretKey.generate();
        key.close();
        assertThat(key.isDestroyed()).isTrue();
        assertThatThrownBy(key::toEmergencyKitFormat).isInstanceOf(IllegalStateException.class);
    }
}
