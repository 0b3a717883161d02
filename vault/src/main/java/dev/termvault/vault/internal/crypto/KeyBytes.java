package dev.termvault.vault.internal.crypto;

import dev.termvault.vault.secret.SecretAccess;
import dev.termvault.vault.secret.SecretBytes;
import java.util.Arrays;

/**
 * How the primitives in this package move key bytes in and out of {@link SecretBytes}: every raw copy they
 * take goes through {@link #reveal} (and is wiped by the caller), and every raw result is handed over
 * through {@link #adopt}, which wipes it.
 */
final class KeyBytes {

    private KeyBytes() {
    }

    /** A copy of the key's bytes; the caller wipes it. */
    static byte[] reveal(SecretBytes key) {
        return key.reveal(SecretAccess.insecure());
    }

    /** The bytes as a SecretBytes; {@code raw} is wiped. */
    static SecretBytes adopt(byte[] raw) {
        try {
            return SecretBytes.copyOf(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }
}
