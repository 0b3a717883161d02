package dev.termvault.vault.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * Key material. The bytes are held privately and handed out only through {@link #reveal()}, which
 * returns a fresh copy the caller must wipe ({@code Arrays.fill(copy, (byte) 0)}) when done: grep for
 * {@code reveal()} to find every place key bytes leave this type.
 *
 * <p>{@link #destroy()} (or {@link #close()}) overwrites the bytes with zeros; afterwards every access
 * throws {@link IllegalStateException}. {@link #toString()} shows the length only. {@link #equals}
 * compares in constant time. Instances are thread-safe for reading; destroy while another thread reads
 * is the caller's race to avoid.
 */
public final class SecretBytes implements Destroyable, AutoCloseable {

    private final byte[] bytes;
    private volatile boolean destroyed;

    private SecretBytes(byte[] ownedBytes) {
        this.bytes = ownedBytes;
    }

    /** {@code length} fresh bytes from the vault's SecureRandom. */
    public static SecretBytes random(int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("length must be positive");
        }
        return new SecretBytes(CryptoRandom.bytes(length));
    }

    /** A copy of {@code source}; the caller still owns (and should wipe) {@code source}. */
    public static SecretBytes copyOf(byte[] source) {
        if (source == null || source.length == 0) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        return new SecretBytes(source.clone());
    }

    /** Takes ownership of {@code source} without copying; the array must not be used afterwards. */
    static SecretBytes adopt(byte[] source) {
        if (source == null || source.length == 0) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        return new SecretBytes(source);
    }

    /** Number of bytes held. Still answers after destroy. */
    public int length() {
        return bytes.length;
    }

    /**
     * A copy of the key bytes. The caller owns the copy and must wipe it when done.
     *
     * @throws IllegalStateException if destroyed
     */
    public byte[] reveal() {
        requireAlive();
        return bytes.clone();
    }

    /** A new, independent SecretBytes holding the same bytes. */
    public SecretBytes duplicate() {
        requireAlive();
        return new SecretBytes(bytes.clone());
    }

    /** Overwrites the bytes with zeros. Idempotent. */
    @Override
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Same as {@link #destroy()}, for try-with-resources. */
    @Override
    public void close() {
        destroy();
    }

    /**
     * Constant-time comparison of the bytes (lengths are not secret). A destroyed instance equals only
     * itself.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SecretBytes that) || destroyed || that.destroyed) {
            return false;
        }
        return MessageDigest.isEqual(bytes, that.bytes);
    }

    /** Depends on the length only, so hashing leaks nothing about the bytes. */
    @Override
    public int hashCode() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return destroyed ? "SecretBytes[destroyed]" : "SecretBytes[" + bytes.length + " bytes]";
    }

    /** Package-internal read without a copy, for primitives that immediately hand it to the JCE/BC. */
    byte[] unsafeView() {
        requireAlive();
        return bytes;
    }

    private void requireAlive() {
        if (destroyed) {
            throw new IllegalStateException("secret has been destroyed");
        }
    }
}
