package dev.termvault.vault.internal.envelope;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * Byte layout of envelope format v1 (docs/security/envelope-v1.md). All integers big-endian.
 * <pre>
 * off  size  field
 *   0     4  magic "TVE1"
 *   4     2  format version = 1
 *   6     2  algorithm id = 1 (AES-256-GCM, HKDF-SHA256 key commitment, size buckets)
 *   8    16  vault id (UUID, most significant half first)
 *  24    16  record id
 *  40     8  revision (u64)
 *  48    32  key commitment
 *  80    12  payload nonce
 *  92     4  vault-key version (u32)            \ key slot
 *  96    60  wrapped DEK: nonce||enc key||tag   /
 * 156     n  payload ciphertext (n = a size bucket) || tag (16)
 * </pre>
 */
final class EnvelopeLayout {

    static final byte[] MAGIC = "TVE1".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT_VERSION = 1;
    static final int ALGORITHM_AES256GCM_HKDF_COMMIT = 1;

    static final int OFF_VERSION = 4;
    static final int OFF_ALGORITHM = 6;
    static final int OFF_VAULT_ID = 8;
    static final int OFF_RECORD_ID = 24;
    static final int OFF_REVISION = 40;
    static final int OFF_COMMITMENT = 48;
    static final int OFF_NONCE = 80;
    static final int OFF_KEY_SLOT = 92;
    static final int OFF_WRAPPED_DEK = 96;
    static final int OFF_CIPHERTEXT = 156;

    /** Bytes 0..47: the part every derivation and both AADs bind (format, algorithm, address). */
    static final int CONTEXT_LENGTH = OFF_COMMITMENT;
    static final int COMMITMENT_LENGTH = 32;
    static final int NONCE_LENGTH = 12;
    static final int WRAPPED_DEK_LENGTH = 60;
    static final int HEADER_LENGTH = OFF_CIPHERTEXT;
    static final int TAG_LENGTH = 16;
    /** The largest envelope ever accepted (4 MiB); checked before anything else is read. */
    static final int MAX_ENVELOPE_LENGTH = 4 * 1024 * 1024;

    private EnvelopeLayout() {
    }

    static byte[] context(RecordAddress address) {
        ByteBuffer buffer = ByteBuffer.allocate(CONTEXT_LENGTH);
        buffer.put(MAGIC).putShort((short) FORMAT_VERSION).putShort((short) ALGORITHM_AES256GCM_HKDF_COMMIT);
        putUuid(buffer, address.vaultId());
        putUuid(buffer, address.recordId());
        buffer.putLong(address.revision());
        return buffer.array();
    }

    static RecordAddress address(byte[] envelope) {
        ByteBuffer buffer = ByteBuffer.wrap(envelope);
        UUID vault = new UUID(buffer.getLong(OFF_VAULT_ID), buffer.getLong(OFF_VAULT_ID + 8));
        UUID record = new UUID(buffer.getLong(OFF_RECORD_ID), buffer.getLong(OFF_RECORD_ID + 8));
        return new RecordAddress(vault, record, buffer.getLong(OFF_REVISION));
    }

    static int u16(byte[] envelope, int offset) {
        return ByteBuffer.wrap(envelope).getShort(offset) & 0xffff;
    }

    static long u32(byte[] envelope, int offset) {
        return ByteBuffer.wrap(envelope).getInt(offset) & 0xffff_ffffL;
    }

    static long s64(byte[] envelope, int offset) {
        return ByteBuffer.wrap(envelope).getLong(offset);
    }

    static boolean hasMagic(byte[] envelope) {
        return Arrays.equals(envelope, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    static byte[] slice(byte[] envelope, int offset, int length) {
        return Arrays.copyOfRange(envelope, offset, offset + length);
    }

    private static void putUuid(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }
}
