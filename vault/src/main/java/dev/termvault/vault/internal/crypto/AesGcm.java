package dev.termvault.vault.internal.crypto;

import dev.termvault.vault.secret.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM through the SunJCE provider, with exactly one parameter set: 32-byte keys, 12-byte
 * nonces and 16-byte tags. Any other size is refused with {@link IllegalArgumentException}.
 *
 * <p>Guarantee: confidentiality and integrity of the plaintext and integrity of the associated data,
 * as long as a (key, nonce) pair is never used twice. {@link #encrypt} draws a random 96-bit nonce
 * from the vault's single SecureRandom for every call; the birthday bound makes a repeat negligible
 * below about 2^32 messages under one key. GCM is NOT key-committing: a ciphertext can be built that
 * decrypts under two keys, so formats that need commitment add it on top (see the envelope package).
 *
 * <p>Every decryption failure is a {@link DecryptionFailedException} saying "decryption failed",
 * with no cause attached.
 */
public final class AesGcm {

    public static final int KEY_LENGTH = 32;
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String PROVIDER = "SunJCE";

    /**
     * One Cipher per thread, re-initialised for every operation: Cipher.getInstance costs as much as
     * encrypting a small record. Every use starts with init, so no state carries over between calls.
     */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(AesGcm::newCipher);

    private AesGcm() {
    }

    /** A fresh random 96-bit nonce from the vault's SecureRandom. */
    public static byte[] newNonce() {
        return CryptoRandom.bytes(NONCE_LENGTH);
    }

    /**
     * Encrypts under a fresh random nonce.
     *
     * @return nonce (12) || ciphertext || tag (16)
     */
    public static byte[] encrypt(SecretBytes key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = newNonce();
        byte[] sealed = encryptWithNonce(key, nonce, plaintext, associatedData);
        byte[] out = new byte[NONCE_LENGTH + sealed.length];
        System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
        System.arraycopy(sealed, 0, out, NONCE_LENGTH, sealed.length);
        return out;
    }

    /**
     * Decrypts {@code nonce || ciphertext || tag} as produced by {@link #encrypt}.
     *
     * @throws DecryptionFailedException on any authentication failure, including input too short
     */
    public static byte[] decrypt(SecretBytes key, byte[] nonceCiphertextTag, byte[] associatedData)
            throws DecryptionFailedException {
        requireKey(key);
        if (nonceCiphertextTag == null || nonceCiphertextTag.length < NONCE_LENGTH + TAG_LENGTH) {
            throw new DecryptionFailedException();
        }
        byte[] nonce = Arrays.copyOfRange(nonceCiphertextTag, 0, NONCE_LENGTH);
        return run(Cipher.DECRYPT_MODE, key, nonce, nonceCiphertextTag, NONCE_LENGTH,
                nonceCiphertextTag.length - NONCE_LENGTH, associatedData);
    }

    /**
     * Encrypts with a nonce the caller chose. The caller guarantees that this key is never used with
     * this nonce again (the envelope format does so by deriving a fresh key for every encryption).
     *
     * @return ciphertext || tag (16)
     */
    public static byte[] encryptWithNonce(SecretBytes key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        requireKey(key);
        requireNonce(nonce);
        try {
            return run(Cipher.ENCRYPT_MODE, key, nonce, plaintext, 0, plaintext.length, associatedData);
        } catch (DecryptionFailedException e) {
            throw new IllegalStateException("AES-GCM encryption failed");
        }
    }

    /**
     * Decrypts {@code ciphertext || tag} under the given nonce.
     *
     * @throws DecryptionFailedException on any authentication failure
     */
    public static byte[] decryptWithNonce(SecretBytes key, byte[] nonce, byte[] ciphertextAndTag,
                                          byte[] associatedData) throws DecryptionFailedException {
        requireKey(key);
        requireNonce(nonce);
        if (ciphertextAndTag == null || ciphertextAndTag.length < TAG_LENGTH) {
            throw new DecryptionFailedException();
        }
        return run(Cipher.DECRYPT_MODE, key, nonce, ciphertextAndTag, 0, ciphertextAndTag.length, associatedData);
    }

    private static byte[] run(int mode, SecretBytes key, byte[] nonce, byte[] input, int offset, int length,
                              byte[] associatedData) throws DecryptionFailedException {
        // SecretKeySpec keeps a copy of the key that the JDK offers no way to wipe (destroy() is not
        // implemented); it becomes garbage when this call returns.
        byte[] raw = KeyBytes.reveal(key);
        SecretKeySpec keySpec;
        try {
            keySpec = new SecretKeySpec(raw, "AES");
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
        try {
            Cipher cipher = initialised(mode, keySpec, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            if (associatedData != null && associatedData.length > 0) {
                cipher.updateAAD(associatedData);
            }
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new DecryptionFailedException();
        } catch (GeneralSecurityException e) {
            if (mode == Cipher.DECRYPT_MODE) {
                throw new DecryptionFailedException();
            }
            throw new IllegalStateException("AES-GCM is not available from SunJCE");
        }
    }

    private static Cipher initialised(int mode, SecretKeySpec keySpec, GCMParameterSpec spec)
            throws GeneralSecurityException {
        Cipher cipher = CIPHER.get();
        try {
            cipher.init(mode, keySpec, spec);
        } catch (InvalidAlgorithmParameterException e) {
            // SunJCE refuses to re-initialise one Cipher for encryption with the key and nonce it just
            // used; a fresh instance behaves exactly like the uncached path.
            cipher = newCipher();
            cipher.init(mode, keySpec, spec);
        }
        return cipher;
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION, PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available from SunJCE", e);
        }
    }

    private static void requireKey(SecretBytes key) {
        if (key == null || key.length() != KEY_LENGTH) {
            throw new IllegalArgumentException("AES-GCM key must be " + KEY_LENGTH + " bytes");
        }
    }

    private static void requireNonce(byte[] nonce) {
        if (nonce == null || nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("AES-GCM nonce must be " + NONCE_LENGTH + " bytes");
        }
    }
}
