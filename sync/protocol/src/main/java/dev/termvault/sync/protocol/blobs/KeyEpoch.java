package dev.termvault.sync.protocol.blobs;

import java.nio.ByteBuffer;

/**
 * Reads the account-key epoch a wrapped vault key names. The wrap is opaque except for this public frame
 * (written by the vault, docs/security/key-hierarchy.md): a wrap made at epoch 0 (sign-up, local password
 * change) is 60 bytes without a frame; a wrap made at epoch N ≥ 1 is {@code 0xE1 ‖ N (u32 big-endian) ‖ the
 * 60-byte wrap}, whose associated data ends with the same N, so the frame cannot be changed without the
 * wrap failing to open.
 */
public final class KeyEpoch {

    /** The first byte of a framed wrap. */
    public static final byte MARK = (byte) 0xE1;
    /** The length of a framed wrap. */
    public static final int FRAMED_LENGTH = 65;

    private KeyEpoch() {
    }

    /** The epoch {@code wrapped} names: 0 for an unframed wrap. */
    public static int of(byte[] wrapped) {
        if (wrapped != null && wrapped.length == FRAMED_LENGTH && wrapped[0] == MARK) {
            return ByteBuffer.wrap(wrapped, 1, 4).getInt();
        }
        return 0;
    }
}
