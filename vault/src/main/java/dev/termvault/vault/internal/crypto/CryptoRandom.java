package dev.termvault.vault.internal.crypto;

import dev.termvault.vault.secret.SecretBytes;
import java.security.SecureRandom;
import java.util.Arrays;

/** The one SecureRandom the vault draws keys, salts and nonces from. */
public final class CryptoRandom {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CryptoRandom() {
    }

    /** {@code length} fresh random bytes as key material. */
    public static SecretBytes secret(int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("length must be positive");
        }
        byte[] raw = bytes(length);
        try {
            return SecretBytes.copyOf(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    static byte[] bytes(int length) {
        byte[] out = new byte[length];
        RANDOM.nextBytes(out);
        return out;
    }

    static void fill(byte[] out) {
        RANDOM.nextBytes(out);
    }
}
