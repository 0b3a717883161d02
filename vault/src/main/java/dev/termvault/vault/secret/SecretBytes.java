package dev.termvault.vault.secret;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * Key material. The bytes are held privately and handed out only through {@link #reveal(SecretAccess)},
 * against an access token (modelled on Tink's {@code SecretBytes}), as a fresh copy the caller must wipe
 * ({@code Arrays.fill(copy, (byte) 0)}) when done: grep for {@code SecretAccess.insecure()} to find every
 * place key bytes leave this type. New random key material comes from the vault's crypto package.
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

    /** A copy of {@code source}; the caller still owns (and should wipe) {@code source}. */
    public static SecretBytes copyOf(byte[] source) {
        if (source == null || source.length == 0) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        return new SecretBytes(source.clone());
    }

    /** Number of bytes held. Still answers after destroy. */
    public int length() {
        return bytes.length;
    }

    /**
     * A copy of the key bytes. The caller owns the copy and must wipe it when done.
     *
     * @param access the access token ({@link SecretAccess#insecure()}); the call site is where key bytes leave
     * @throws SecurityException if {@code access} is null
     * @throws IllegalStateException if destroyed
     */
    public byte[] reveal(SecretAccess access) {
        SecretAccess.require(access);
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
        if (bytes.length != that.bytes.length) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < bytes.length; i++) {
            difference |= bytes[i] ^ that.bytes[i];
        }
        return difference == 0;
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

    private void requireAlive() {
        if (destroyed) {
            throw new IllegalStateException("secret has been destroyed");
        }
    }
}
