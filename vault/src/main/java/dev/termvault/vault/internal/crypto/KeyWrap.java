package dev.termvault.vault.internal.crypto;

import dev.termvault.vault.VaultException;
import dev.termvault.vault.secret.SecretBytes;
import java.util.Optional;

/**
 * Wraps a 32-byte key under a 32-byte key-encryption key with AES-256-GCM. The {@code context} is the
 * associated data: it names what the wrapped key belongs to (a vault id and key version, an account
 * id...), so a wrapped key moved to another context does not unwrap.
 *
 * <p>Output: nonce (12) || encrypted key (32) || tag (16) = {@value #WRAPPED_LENGTH} bytes.
 */
public final class KeyWrap {

    /** The only size of key that is wrapped. */
    public static final int KEY_LENGTH = 32;
    /** Length of a wrapped key. */
    public static final int WRAPPED_LENGTH = AesGcm.NONCE_LENGTH + KEY_LENGTH + AesGcm.TAG_LENGTH;

    private KeyWrap() {
    }

    /** Wraps {@code key} under {@code kek}, bound to {@code context}. */
    public static byte[] wrap(SecretBytes kek, SecretBytes key, byte[] context) {
        if (key.length() != KEY_LENGTH) {
            throw new IllegalArgumentException("wrapped key must be " + KEY_LENGTH + " bytes");
        }
        requireContext(context);
        byte[] raw = KeyBytes.reveal(key);
        try {
            return AesGcm.encrypt(kek, raw, context);
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * Unwraps; the caller owns (and destroys) the result.
     *
     * @throws VaultException.Tampered if the wrapped key fails authentication under this kek and context
     */
    public static SecretBytes unwrap(SecretBytes kek, byte[] wrapped, byte[] context) {
        return tryUnwrap(kek, wrapped, context).orElseThrow(VaultException.Tampered::new);
    }

    /**
     * Unwraps, or returns empty when the kek or context is wrong or the bytes were changed. Callers that
     * must tell a wrong password from damage (unlock) use this and decide.
     */
    public static Optional<SecretBytes> tryUnwrap(SecretBytes kek, byte[] wrapped, byte[] context) {
        requireContext(context);
        if (wrapped == null || wrapped.length != WRAPPED_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyBytes.adopt(AesGcm.decrypt(kek, wrapped, context)));
        } catch (DecryptionFailedException e) {
            return Optional.empty();
        }
    }

    private static void requireContext(byte[] context) {
        if (context == null || context.length == 0) {
            throw new IllegalArgumentException("a key wrap needs a non-empty context");
        }
    }
}
