package dev.termvault.vault.internal.crypto;

import dev.termvault.vault.secret.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): extract, then expand. An empty or absent salt means 32 zero bytes,
 * as the RFC says. Outputs longer than 255 * 32 bytes are refused.
 */
public final class Hkdf {

    /** HMAC-SHA256 output size, and the size of a PRK. */
    public static final int HASH_LENGTH = 32;
    /** The longest output RFC 5869 allows for SHA-256. */
    public static final int MAX_OUTPUT_LENGTH = 255 * HASH_LENGTH;

    private static final String HMAC = "HmacSHA256";

    /** One Mac per thread; every use starts with init, so no state carries over between calls. */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(Hkdf::newMac);

    private Hkdf() {
    }

    /** HKDF-Extract: PRK = HMAC(salt, ikm). */
    public static byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
        byte[] effectiveSalt = salt == null || salt.length == 0 ? new byte[HASH_LENGTH] : salt;
        Mac mac = mac(effectiveSalt);
        return mac.doFinal(inputKeyMaterial == null ? new byte[0] : inputKeyMaterial);
    }

    /** HKDF-Expand of {@code prk} to {@code length} bytes. */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length < 0 || length > MAX_OUTPUT_LENGTH) {
            throw new IllegalArgumentException("HKDF output must be 0.." + MAX_OUTPUT_LENGTH + " bytes");
        }
        if (prk == null || prk.length < HASH_LENGTH) {
            throw new IllegalArgumentException("PRK must be at least " + HASH_LENGTH + " bytes");
        }
        byte[] infoBytes = info == null ? new byte[0] : info;
        Mac mac = mac(prk);
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        int written = 0;
        for (int counter = 1; written < length; counter++) {
            mac.update(block);
            mac.update(infoBytes);
            mac.update((byte) counter);
            Arrays.fill(block, (byte) 0);
            block = mac.doFinal();
            int n = Math.min(block.length, length - written);
            System.arraycopy(block, 0, out, written, n);
            written += n;
        }
        Arrays.fill(block, (byte) 0);
        return out;
    }

    /** Extract then expand, on plain arrays (the caller wipes the result if it is secret). */
    public static byte[] derive(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
        byte[] prk = extract(salt, inputKeyMaterial);
        try {
            return expand(prk, info, length);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    /** Extract then expand, keeping the input and output key material inside {@link SecretBytes}. */
    public static SecretBytes derive(SecretBytes inputKeyMaterial, byte[] salt, byte[] info, int length) {
        byte[] ikm = KeyBytes.reveal(inputKeyMaterial);
        try {
            return KeyBytes.adopt(derive(ikm, salt, info, length));
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /** HKDF-Extract keeping the PRK inside {@link SecretBytes}, for several expands from one extract. */
    public static SecretBytes extract(byte[] salt, SecretBytes inputKeyMaterial) {
        byte[] ikm = KeyBytes.reveal(inputKeyMaterial);
        try {
            return KeyBytes.adopt(extract(salt, ikm));
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /** HKDF-Expand from a PRK held in {@link SecretBytes}. */
    public static SecretBytes expand(SecretBytes prk, byte[] info, int length) {
        byte[] raw = KeyBytes.reveal(prk);
        try {
            return KeyBytes.adopt(expand(raw, info, length));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static Mac mac(byte[] key) {
        // SecretKeySpec keeps a copy of the key that the JDK offers no way to wipe (destroy() is not
        // implemented); it becomes garbage when this call returns.
        try {
            Mac mac = MAC.get();
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("invalid HMAC key");
        }
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance(HMAC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
