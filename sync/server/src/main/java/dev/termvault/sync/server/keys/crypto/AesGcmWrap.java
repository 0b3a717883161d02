package dev.termvault.sync.server.keys.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM wrapping shared by the local-file and PKCS#11 master keys: a random 96-bit nonce, a 128-bit tag,
 * and associated data = "termvault-master-key" ‖ version (4 bytes) ‖ context, so a wrap cannot be replayed
 * under another account or another key version. Output: nonce ‖ ciphertext ‖ tag.
 */
final class AesGcmWrap {

    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] LABEL = "termvault-master-key".getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random;
    private final Provider provider;

    AesGcmWrap(SecureRandom random, Provider provider) {
        this.random = random;
        this.provider = provider;
    }

    byte[] wrap(Key key, int version, byte[] plaintext, byte[] context) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Cipher cipher = cipher();
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(aad(version, context));
        byte[] sealed = cipher.doFinal(plaintext);
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    byte[] unwrap(Key key, int version, byte[] wrapped, byte[] context) throws GeneralSecurityException {
        if (wrapped.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("unwrap failed");
        }
        try {
            Cipher cipher = cipher();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, wrapped, 0, NONCE_BYTES));
            cipher.updateAAD(aad(version, context));
            return cipher.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException("unwrap failed");
        }
    }

    private Cipher cipher() throws GeneralSecurityException {
        return provider == null ? Cipher.getInstance("AES/GCM/NoPadding")
                : Cipher.getInstance("AES/GCM/NoPadding", provider);
    }

    private static byte[] aad(int version, byte[] context) {
        return ByteBuffer.allocate(LABEL.length + 4 + context.length).put(LABEL).putInt(version).put(context).array();
    }

    static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
