package dev.termvault.vault.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.vault.internal.crypto.CryptoRandom;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

class SecretBytesTest {

    @Test
    void copyOf_revealReturnsAnIndependentCopy() {
        byte[] source = {1, 2, 3};
        SecretBytes secret = SecretBytes.copyOf(source);
        source[0] = 9;
        byte[] revealed = secret.reveal(SecretAccess.insecure());
        assertThat(revealed).containsExactly(1, 2, 3);
        revealed[1] = 9;
        assertThat(secret.reveal(SecretAccess.insecure())).containsExactly(1, 2, 3);
        assertThat(secret.length()).isEqualTo(3);
    }

    @Test
    void destroy_wipesTheBytesAndRefusesAccess() throws ReflectiveOperationException {
        SecretBytes secret = SecretBytes.copyOf(new byte[] {7, 7, 7});
        Field field = SecretBytes.class.getDeclaredField("bytes");
        field.setAccessible(true);
        byte[] held = (byte[]) field.get(secret);
        secret.close();
        assertThat(held).containsOnly(0);
        assertThat(secret.isDestroyed()).isTrue();
        assertThatThrownBy(() -> secret.reveal(SecretAccess.insecure())).isInstanceOf(IllegalStateException.class);
        assertThat(secret.toString()).isEqualTo("SecretBytes[destroyed]");
        assertThat(secret).isEqualTo(secret).isNotEqualTo(SecretBytes.copyOf(new byte[] {0, 0, 0}));
    }

    @Test
    void reveal_withoutAnAccessToken_isRefused() {
        SecretBytes secret = SecretBytes.copyOf(new byte[] {1});
        assertThatThrownBy(() -> secret.reveal(null)).isInstanceOf(SecurityException.class);
    }

    @Test
    void duplicate_isIndependentOfTheOriginal() {
        SecretBytes original = SecretBytes.copyOf(new byte[] {4, 5});
        SecretBytes copy = original.duplicate();
        original.destroy();
        assertThat(copy.reveal(SecretAccess.insecure())).containsExactly(4, 5);
        assertThatThrownBy(original::duplicate).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toString_showsLengthOnly() {
        SecretBytes secret = SecretBytes.copyOf(new byte[] {0x41, 0x42});
        assertThat(secret.toString()).isEqualTo("SecretBytes[2 bytes]");
    }

    @Test
    void equals_comparesContentAndHashCodeRevealsOnlyLength() {
        SecretBytes a = SecretBytes.copyOf(new byte[] {1, 2});
        assertThat(a).isEqualTo(SecretBytes.copyOf(new byte[] {1, 2}))
                .isNotEqualTo(SecretBytes.copyOf(new byte[] {1, 3}))
                .isNotEqualTo(SecretBytes.copyOf(new byte[] {1, 2, 0}));
        assertThat(a.hashCode()).isEqualTo(SecretBytes.copyOf(new byte[] {9, 9}).hashCode());
    }

    @Test
    void cryptoRandomSecret_givesDistinctValuesOfTheRequestedLength() {
        assertThat(CryptoRandom.secret(32).length()).isEqualTo(32);
        assertThat(CryptoRandom.secret(32)).isNotEqualTo(CryptoRandom.secret(32));
        assertThatThrownBy(() -> CryptoRandom.secret(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretBytes.copyOf(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
