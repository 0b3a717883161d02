package dev.termvault.vault.internal.envelope;

import dev.termvault.vault.internal.crypto.Hkdf;
import dev.termvault.vault.secret.SecretAccess;
import dev.termvault.vault.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Derivations from a record's DEK (key commitment, the AWS Encryption SDK approach): with
 * {@code salt = payload nonce} and {@code info = label || context} (context = header bytes 0..47:
 * magic, version, algorithm, vault id, record id, revision),
 * <pre>
 * K_enc      = HKDF-SHA256(DEK, salt, "termvault/v1/envelope/key"    || context, 32)
 * commitment = HKDF-SHA256(DEK, salt, "termvault/v1/envelope/commit" || context, 32)
 * </pre>
 * and the key slot's associated data is {@code "termvault/v1/key-slot" || context || vk version}.
 */
final class EnvelopeKeys {

    private static final byte[] LABEL_KEY = ascii("termvault/v1/envelope/key");
    private static final byte[] LABEL_COMMIT = ascii("termvault/v1/envelope/commit");
    private static final byte[] LABEL_KEY_SLOT = ascii("termvault/v1/key-slot");

    private EnvelopeKeys() {
    }

    /** Both values from one HKDF-Extract; the caller destroys the key. */
    record Derived(SecretBytes encryptionKey, byte[] commitment) {
    }

    static Derived derive(SecretBytes dek, byte[] nonce, byte[] context) {
        try (SecretBytes prk = Hkdf.extract(nonce, dek);
             SecretBytes commitment = Hkdf.expand(prk, concat(LABEL_COMMIT, context), 32)) {
            return new Derived(Hkdf.expand(prk, concat(LABEL_KEY, context), 32), commitment.reveal(SecretAccess.insecure()));
        }
    }

    static SecretBytes encryptionKey(SecretBytes dek, byte[] nonce, byte[] context) {
        try (SecretBytes prk = Hkdf.extract(nonce, dek)) {
            return Hkdf.expand(prk, concat(LABEL_KEY, context), 32);
        }
    }

    static byte[] commitment(SecretBytes dek, byte[] nonce, byte[] context) {
        try (SecretBytes prk = Hkdf.extract(nonce, dek);
             SecretBytes value = Hkdf.expand(prk, concat(LABEL_COMMIT, context), 32)) {
            return value.reveal(SecretAccess.insecure());
        }
    }

    static byte[] keySlotAad(byte[] context, int vaultKeyVersion) {
        return ByteBuffer.allocate(LABEL_KEY_SLOT.length + context.length + 4)
                .put(LABEL_KEY_SLOT).put(context).putInt(vaultKeyVersion).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
