package dev.termvault.sync.server.keys.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The key service's master key: wraps 256-bit keys (service shares, the token signing key) so they are only
 * ever stored wrapped.
 *
 * <p>Guarantee: {@link #unwrap} returns the key given to {@link #wrap} only when called with the same
 * {@code context} bytes (bound as associated data / encryption context) and an unmodified {@link WrappedKey};
 * anything else fails with a {@link GeneralSecurityException} that says no more than "unwrap failed".
 * Every wrapped form carries the master-key version that made it; after {@link #rotate()} new wraps use the
 * new version and every older version still unwraps.
 */
public interface MasterKey extends AutoCloseable {

    /** Wraps {@code key} under the current version, binding {@code context}. */
    WrappedKey wrap(byte[] key, byte[] context) throws GeneralSecurityException;

    /** Unwraps with the version named inside {@code wrapped}; the caller wipes the result. */
    byte[] unwrap(WrappedKey wrapped, byte[] context) throws GeneralSecurityException;

    /** The version new wraps use. */
    int currentVersion();

    /**
     * Makes a new version that new wraps use from now on; older versions keep unwrapping.
     *
     * @return the new current version
     */
    int rotate() throws GeneralSecurityException;

    /** A short, secret-free description for logs ("local-file v2", "pkcs11 slot 3 v1"). */
    String describe();

    /** Unwraps and wraps again under the current version; the plaintext key never leaves this call. */
    default WrappedKey rewrap(WrappedKey wrapped, byte[] context) throws GeneralSecurityException {
        byte[] key = unwrap(wrapped, context);
        try {
            return wrap(key, context);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    default void close() {
    }
}
