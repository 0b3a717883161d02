package dev.termvault.vault.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.vault.VaultException;
import dev.termvault.vault.secret.SecretBytes;
import org.junit.jupiter.api.Test;

class KeyWrapTest {

    private static final byte[] CONTEXT = "vault 1 / key version 3".getBytes();

    @Test
    void wrapThenUnwrap_returnsTheKeyAnd60Bytes() {
        SecretBytes kek = CryptoRandom.secret(32);
        SecretBytes key = CryptoRandom.secret(32);
        byte[] wrapped = KeyWrap.wrap(kek, key, CONTEXT);
        assertThat(wrapped).hasSize(KeyWrap.WRAPPED_LENGTH).hasSize(60);
        try (SecretBytes unwrapped = KeyWrap.unwrap(kek, wrapped, CONTEXT)) {
            assertThat(unwrapped).isEqualTo(key);
        }
    }

    @Test
    void unwrap_wrongKekContextOrAnyFlippedByte_isTampered() {
        SecretBytes kek = CryptoRandom.secret(32);
        byte[] wrapped = KeyWrap.wrap(kek, CryptoRandom.secret(32), CONTEXT);
        assertThatThrownBy(() -> KeyWrap.unwrap(CryptoRandom.secret(32), wrapped, CONTEXT))
                .isInstanceOf(VaultException.Tampered.class).hasNoCause();
        assertThat(KeyWrap.tryUnwrap(kek, wrapped, "vault 1 / key version 4".getBytes())).isEmpty();
        for (int i = 0; i < wrapped.length; i++) {
            byte[] flipped = wrapped.clone();
            flipped[i] ^= 0x01;
            assertThat(KeyWrap.tryUnwrap(kek, flipped, CONTEXT)).as("byte " + i).isEmpty();
        }
        assertThat(KeyWrap.tryUnwrap(kek, new byte[59], CONTEXT)).isEmpty();
    }

    @Test
    void wrap_wrongSizesOrEmptyContext_areRefused() {
        assertThatThrownBy(() -> KeyWrap.wrap(CryptoRandom.secret(32), CryptoRandom.secret(16), CONTEXT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyWrap.wrap(CryptoRandom.secret(16), CryptoRandom.secret(32), CONTEXT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyWrap.wrap(CryptoRandom.secret(32), CryptoRandom.secret(32), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
