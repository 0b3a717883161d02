package dev.termvault.vault.crypto;

import java.security.SecureRandom;

/** The one SecureRandom the vault draws keys, salts and nonces from. */
final class CryptoRandom {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CryptoRandom() {
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
