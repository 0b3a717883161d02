package dev.termvault.vault.internal.crypto;

import dev.termvault.vault.VaultException;
import dev.termvault.vault.secret.SecretBytes;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * The account Secret Key: 128 random bits made on the first device, kept on each device and printed in
 * the Emergency Kit. It is mixed with the password-derived key (see {@link KeyHierarchy}), so a
 * stolen server database alone cannot be attacked by guessing passwords.
 *
 * <p>Human format (version 1): {@code TV1-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX}: the prefix "TV1", then
 * 28 Crockford Base32 characters in groups of four: 26 carry the 128 bits (the last character holds
 * 3 bits, its low 2 bits zero) and 2 carry a checksum. The checksum is the position-weighted sum
 * {@code Σ (i+1)·v_i mod 1021} of the 26 data symbols, so any single mistyped character and any swap of
 * two neighbouring characters is caught. {@link #parse} ignores case, dashes and spaces, and reads the
 * look-alikes O as 0 and I, L as 1.
 *
 * <p>{@link #toString()} is redacted; {@link #destroy()} wipes the bytes.
 */
public final class SecretKey implements Destroyable, AutoCloseable {

    /** Raw length in bytes. */
    public static final int LENGTH = 16;
    /** Version prefix of the human format. */
    public static final String PREFIX = "TV1";

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int DATA_SYMBOLS = 26;
    private static final int CHECK_SYMBOLS = 2;
    private static final int CHECK_MODULUS = 1021;
    private static final int GROUP = 4;

    private final SecretBytes bytes;

    private SecretKey(SecretBytes bytes) {
        this.bytes = bytes;
    }

    /** A new random Secret Key. */
    public static SecretKey generate() {
        return new SecretKey(CryptoRandom.secret(LENGTH));
    }

    /** The Secret Key with these 16 raw bytes (as stored on a device); the caller wipes its array. */
    public static SecretKey fromBytes(byte[] raw) {
        if (raw == null || raw.length != LENGTH) {
            throw new IllegalArgumentException("a Secret Key is " + LENGTH + " bytes");
        }
        return new SecretKey(SecretBytes.copyOf(raw));
    }

    /**
     * Reads the human format, tolerant of case, dashes, spaces and the look-alikes O/I/L.
     *
     * @throws VaultException.InvalidSecretKey if the text is malformed or the checksum does not match
     */
    public static SecretKey parse(CharSequence text) {
        int[] symbols = symbolsOf(text);
        int check = checksum(symbols);
        if (symbols[DATA_SYMBOLS] * 32 + symbols[DATA_SYMBOLS + 1] != check) {
            throw new VaultException.InvalidSecretKey("the checksum does not match; a character is mistyped");
        }
        byte[] raw = new byte[LENGTH];
        long acc = 0;
        int bits = 0;
        int out = 0;
        for (int i = 0; i < DATA_SYMBOLS; i++) {
            acc = (acc << 5) | symbols[i];
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                raw[out++] = (byte) (acc >>> bits);
            }
        }
        boolean canonical = (acc & ((1L << bits) - 1)) == 0;
        Arrays.fill(symbols, 0);
        if (!canonical) {
            Arrays.fill(raw, (byte) 0);
            throw new VaultException.InvalidSecretKey("the last character is not valid here");
        }
        SecretKey key = new SecretKey(SecretBytes.copyOf(raw));
        Arrays.fill(raw, (byte) 0);
        return key;
    }

    /**
     * The Emergency Kit form, e.g. {@code TV1-7Q2M-...}. Returns a String (which cannot be wiped):
     * call it only to print or show the kit.
     */
    public String toEmergencyKitFormat() {
        int[] symbols = new int[DATA_SYMBOLS + CHECK_SYMBOLS];
        byte[] raw = KeyBytes.reveal(bytes);
        long acc = 0;
        int bits = 0;
        int n = 0;
        for (byte b : raw) {
            acc = (acc << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                symbols[n++] = (int) (acc >>> bits) & 31;
            }
        }
        symbols[n++] = (int) (acc << (5 - bits)) & 31;
        int check = checksum(symbols);
        symbols[n++] = check / 32;
        symbols[n] = check % 32;
        StringBuilder sb = new StringBuilder(PREFIX);
        for (int i = 0; i < symbols.length; i++) {
            if (i % GROUP == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(symbols[i]));
        }
        Arrays.fill(symbols, 0);
        Arrays.fill(raw, (byte) 0);
        return sb.toString();
    }

    /** The 16 raw bytes, for storing on a device; the caller owns and destroys the copy. */
    public SecretBytes toSecretBytes() {
        return bytes.duplicate();
    }

    SecretBytes bytes() {
        return bytes;
    }

    @Override
    public void destroy() {
        bytes.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return bytes.isDestroyed();
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretKey that && bytes.equals(that.bytes);
    }

    @Override
    public int hashCode() {
        return bytes.hashCode();
    }

    @Override
    public String toString() {
        return "SecretKey[" + PREFIX + "-****]";
    }

    private static int checksum(int[] symbols) {
        int sum = 0;
        for (int i = 0; i < DATA_SYMBOLS; i++) {
            sum = (sum + (i + 1) * symbols[i]) % CHECK_MODULUS;
        }
        return sum;
    }

    private static int[] symbolsOf(CharSequence text) {
        if (text == null) {
            throw new VaultException.InvalidSecretKey("empty");
        }
        StringBuilder cleaned = new StringBuilder(40);
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toUpperCase(text.charAt(i));
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            cleaned.append(c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c);
        }
        if (cleaned.length() != PREFIX.length() + DATA_SYMBOLS + CHECK_SYMBOLS) {
            throw new VaultException.InvalidSecretKey("expected " + (DATA_SYMBOLS + CHECK_SYMBOLS)
                    + " characters after " + PREFIX);
        }
        if (!cleaned.substring(0, PREFIX.length()).equals(PREFIX)) {
            throw new VaultException.InvalidSecretKey("it must start with " + PREFIX);
        }
        int[] symbols = new int[DATA_SYMBOLS + CHECK_SYMBOLS];
        for (int i = 0; i < symbols.length; i++) {
            int v = ALPHABET.indexOf(cleaned.charAt(PREFIX.length() + i));
            if (v < 0) {
                throw new VaultException.InvalidSecretKey("character " + (i + 1) + " is not a valid letter or digit");
            }
            symbols[i] = v;
        }
        cleaned.setLength(0);
        return symbols;
    }
}
