package dev.termvault.vault.internal.envelope;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Size buckets for envelope payloads. The padded plaintext is {@code length (u32, big-endian) ||
 * payload || zero bytes}, and its total size is a bucket: a power of two from 512 bytes to 64 KiB, then
 * a multiple of 64 KiB, up to {@link #MAX_PADDED_LENGTH}.
 *
 * <p>Why: almost every record (a host, a credential, a known host) is well under 512 bytes, so they
 * all look alike; SSH private keys and long snippets land in the next few buckets. Powers of two
 * waste at most half the space while the sizes are small; above 64 KiB, linear steps keep the waste
 * under 64 KiB per record.
 */
final class Padding {

    static final int LENGTH_PREFIX = 4;
    static final int MIN_BUCKET = 512;
    static final int LINEAR_STEP = 64 * 1024;
    /** The largest padded plaintext: 4 MiB less one 64 KiB step, so a whole envelope stays under 4 MiB. */
    static final int MAX_PADDED_LENGTH = 4 * 1024 * 1024 - LINEAR_STEP;
    /** The longest payload that can be sealed. */
    static final int MAX_PAYLOAD_LENGTH = MAX_PADDED_LENGTH - LENGTH_PREFIX;

    private Padding() {
    }

    /** The bucket that holds a payload of this length. */
    static int bucketFor(int payloadLength) {
        if (payloadLength < 0 || payloadLength > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("payload must be 0.." + MAX_PAYLOAD_LENGTH + " bytes");
        }
        int needed = payloadLength + LENGTH_PREFIX;
        if (needed <= MIN_BUCKET) {
            return MIN_BUCKET;
        }
        if (needed <= LINEAR_STEP) {
            return Integer.highestOneBit(needed - 1) << 1;
        }
        return (needed + LINEAR_STEP - 1) / LINEAR_STEP * LINEAR_STEP;
    }

    /** True when {@code length} is one of the buckets. */
    static boolean isBucket(int length) {
        if (length < MIN_BUCKET || length > MAX_PADDED_LENGTH) {
            return false;
        }
        return length <= LINEAR_STEP ? Integer.bitCount(length) == 1 : length % LINEAR_STEP == 0;
    }

    static byte[] pad(byte[] payload) {
        byte[] padded = new byte[bucketFor(payload.length)];
        ByteBuffer.wrap(padded).putInt(payload.length).put(payload);
        return padded;
    }

    /** The payload, or empty if the length prefix or the zero padding is wrong. */
    static Optional<byte[]> unpad(byte[] padded) {
        if (padded.length < LENGTH_PREFIX) {
            return Optional.empty();
        }
        int length = ByteBuffer.wrap(padded).getInt();
        if (length < 0 || length > padded.length - LENGTH_PREFIX) {
            return Optional.empty();
        }
        int nonZero = 0;
        for (int i = LENGTH_PREFIX + length; i < padded.length; i++) {
            nonZero |= padded[i];
        }
        if (nonZero != 0) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(padded, LENGTH_PREFIX, LENGTH_PREFIX + length));
    }
}
