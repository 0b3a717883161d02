package dev.termvault.vault.internal.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds an AES-GCM "invisible salamander": one nonce, ciphertext and tag that authenticate under two
 * different keys (Dodis, Grubbs, Ristenpart, Woodage 2018). All ciphertext blocks but one are the
 * honest encryption of a chosen plaintext under the first key; the remaining block is solved for in
 * GF(2^128) so that both keys' tags coincide. Test-only: it proves raw GCM does not commit to its key.
 */
public final class InvisibleSalamander {

    private static final long R = 0xE100000000000000L;

    private InvisibleSalamander() {
    }

    /**
     * @param plaintextUnderKey1 a multiple of 16 bytes; block {@code freeBlock} of it is replaced by
     *     whatever the solved ciphertext block decrypts to
     * @return ciphertext || tag, valid under both keys with this nonce and associated data
     */
    public static byte[] forge(byte[] key1, byte[] key2, byte[] nonce, byte[] aad, byte[] plaintextUnderKey1,
                               int freeBlock) throws GeneralSecurityException {
        if (plaintextUnderKey1.length % 16 != 0 || nonce.length != 12) {
            throw new IllegalArgumentException("whole blocks and a 96-bit nonce only");
        }
        byte[] ciphertext = ctr(key1, nonce, plaintextUnderKey1);
        Arrays.fill(ciphertext, freeBlock * 16, freeBlock * 16 + 16, (byte) 0);
        long[] h1 = toField(aesBlock(key1, new byte[16]));
        long[] h2 = toField(aesBlock(key2, new byte[16]));
        long[] t1 = xor(ghash(h1, aad, ciphertext), toField(aesBlock(key1, counterBlock(nonce, 1))));
        long[] t2 = xor(ghash(h2, aad, ciphertext), toField(aesBlock(key2, counterBlock(nonce, 1))));
        int totalBlocks = blocks(aad.length) + blocks(ciphertext.length) + 1;
        int exponent = totalBlocks - (blocks(aad.length) + freeBlock);
        long[] coefficient = xor(pow(h1, exponent), pow(h2, exponent));
        long[] solved = multiply(xor(t1, t2), inverse(coefficient));
        System.arraycopy(fromField(solved), 0, ciphertext, freeBlock * 16, 16);
        long[] tag = xor(t1, multiply(solved, pow(h1, exponent)));
        byte[] out = Arrays.copyOf(ciphertext, ciphertext.length + 16);
        System.arraycopy(fromField(tag), 0, out, ciphertext.length, 16);
        return out;
    }

    private static byte[] ghashBlock(byte[] data, int block) {
        byte[] out = new byte[16];
        int from = block * 16;
        System.arraycopy(data, from, out, 0, Math.min(16, data.length - from));
        return out;
    }

    static long[] ghash(long[] h, byte[] aad, byte[] ciphertext) {
        long[] y = {0, 0};
        for (int i = 0; i < blocks(aad.length); i++) {
            y = multiply(xor(y, toField(ghashBlock(aad, i))), h);
        }
        for (int i = 0; i < blocks(ciphertext.length); i++) {
            y = multiply(xor(y, toField(ghashBlock(ciphertext, i))), h);
        }
        long[] lengths = {aad.length * 8L, ciphertext.length * 8L};
        return multiply(xor(y, lengths), h);
    }

    /** GF(2^128) product with GCM's bit order (NIST SP 800-38D, algorithm 1). */
    static long[] multiply(long[] x, long[] y) {
        long zHi = 0;
        long zLo = 0;
        long vHi = y[0];
        long vLo = y[1];
        for (int i = 0; i < 128; i++) {
            long word = i < 64 ? x[0] : x[1];
            if (((word >>> (63 - (i % 64))) & 1) != 0) {
                zHi ^= vHi;
                zLo ^= vLo;
            }
            boolean carry = (vLo & 1) != 0;
            vLo = (vLo >>> 1) | (vHi << 63);
            vHi >>>= 1;
            if (carry) {
                vHi ^= R;
            }
        }
        return new long[] {zHi, zLo};
    }

    static long[] pow(long[] x, int exponent) {
        long[] result = {Long.MIN_VALUE, 0};
        for (int i = 0; i < exponent; i++) {
            result = multiply(result, x);
        }
        return result;
    }

    /** x^(2^128 - 2) = x^-1 for x != 0. */
    static long[] inverse(long[] x) {
        long[] r = {Long.MIN_VALUE, 0};
        for (int i = 0; i < 127; i++) {
            r = multiply(multiply(r, r), x);
        }
        return multiply(r, r);
    }

    private static long[] xor(long[] a, long[] b) {
        return new long[] {a[0] ^ b[0], a[1] ^ b[1]};
    }

    private static long[] toField(byte[] block) {
        ByteBuffer buffer = ByteBuffer.wrap(block);
        return new long[] {buffer.getLong(), buffer.getLong()};
    }

    private static byte[] fromField(long[] x) {
        return ByteBuffer.allocate(16).putLong(x[0]).putLong(x[1]).array();
    }

    private static int blocks(int length) {
        return (length + 15) / 16;
    }

    private static byte[] counterBlock(byte[] nonce, int counter) {
        return ByteBuffer.allocate(16).put(nonce).putInt(counter).array();
    }

    private static byte[] ctr(byte[] key, byte[] nonce, byte[] plaintext) throws GeneralSecurityException {
        byte[] out = new byte[plaintext.length];
        for (int i = 0; i < blocks(plaintext.length); i++) {
            byte[] keystream = aesBlock(key, counterBlock(nonce, i + 2));
            for (int j = 0; j < 16 && i * 16 + j < plaintext.length; j++) {
                out[i * 16 + j] = (byte) (plaintext[i * 16 + j] ^ keystream[j]);
            }
        }
        return out;
    }

    private static byte[] aesBlock(byte[] key, byte[] block) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding", "SunJCE");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        return aes.doFinal(block);
    }
}
