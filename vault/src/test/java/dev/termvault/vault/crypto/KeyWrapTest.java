package dev.termvault.vault.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.vault.VaultException;
import org.junit.jupiter.api.Test;

class KeyWrapTest {

    private static final byte[] CONTEXT = "vault 1 / key version 3".getBytes();

    @Test
    void wrapThenUnwrap_returnsTheKeyAnd60Bytes() {
        SecretBytes kek = SecretBytes.random(32);
        SecretBytes key = SecretBytes.random(32);
        byte[] wrapped = KeyWrap.wrap(kek, key, CONTEXT);
        assertThat(wrapped).hasSize(KeyWrap.WRAPPED_LENGTH).hasSize(60);
        try (SecretBytes unwrapped = KeyWrap.unwrap(kek, wrapped, CONTEXT)) {
            assertThat(unwrapped).isEqualTo(key);
        }
    }

    @Test
    void unwrap_wrongKekContextOrAnyFlippedByte_isTampered() {
        SecretBytes kek = SecretBytes.random(32);
        byte[] wrapped = KeyWrap.wrap(kek, SecretBytes.random(32), CONTEXT);
        assertThatThrownBy(() -> KeyWrap.unwrap(SecretBytes.random(32), wrapped, CONTEXT))
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
        assertThatThrownBy(() -> KeyWrap.wrap(SecretBytes.random(32), SecretBytes.random(16), CONTEXT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyWrap.wrap(SecretBytes.random(16), SecretBytes.random(32), CONTEXT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyWrap.wrap(SecretBytes.random(32), SecretBytes.random(32), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
