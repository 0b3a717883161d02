package dev.termvault.sync.server.keys.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A key wrapped by a {@link MasterKey}: the master-key version and the backend's opaque ciphertext.
 *
 * <p>Stored form ({@link #toBytes()}): one format byte (1), the version as a 4-byte big-endian int, then the
 * ciphertext. Nothing in it is secret.
 */
public record WrappedKey(int version, byte[] ciphertext) {

    private static final byte FORMAT = 1;
    private static final int MAX_CIPHERTEXT = 8192;

    public WrappedKey {
        if (version < 1) {
            throw new IllegalArgumentException("master key versions start at 1");
        }
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    public byte[] toBytes() {
        return ByteBuffer.allocate(5 + ciphertext.length).put(FORMAT).putInt(version).put(ciphertext).array();
    }

    public static WrappedKey parse(byte[] stored) throws GeneralSecurityException {
        if (stored == null || stored.length < 6 || stored.length > 5 + MAX_CIPHERTEXT || stored[0] != FORMAT) {
            throw new GeneralSecurityException("unwrap failed");
        }
        ByteBuffer in = ByteBuffer.wrap(stored);
        in.get();
        int version = in.getInt();
        if (version < 1) {
            throw new GeneralSecurityException("unwrap failed");
        }
        return new WrappedKey(version, Arrays.copyOfRange(stored, 5, stored.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrappedKey w && w.version == version && Arrays.equals(w.ciphertext, ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * version + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "WrappedKey[v" + version + ", " + ciphertext.length + " bytes, "
                + HexFormat.of().formatHex(ciphertext, 0, Math.min(4, ciphertext.length)) + "…]";
    }
}
