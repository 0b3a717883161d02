package dev.termvault.vault.internal.envelope;

import static dev.termvault.vault.internal.envelope.EnvelopeLayout.*;

import dev.termvault.vault.VaultException;
import dev.termvault.vault.internal.crypto.AesGcm;
import dev.termvault.vault.internal.crypto.ConstantTime;
import dev.termvault.vault.internal.crypto.CryptoRandom;
import dev.termvault.vault.internal.crypto.DecryptionFailedException;
import dev.termvault.vault.internal.crypto.KeyWrap;
import dev.termvault.vault.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Envelope format v1: one record version, encrypted under its own single-use data key (DEK), with the
 * DEK wrapped under a vault key (docs/security/envelope-v1.md).
 *
 * <p>Guarantees: every header byte is authenticated (the payload's AAD is the header minus the key
 * slot; the key slot is its own AEAD bound to the address and vault-key version); an envelope opens
 * only at the address it was sealed for; the header commits to the DEK, so one envelope never opens
 * under two keys; the payload is padded to a size bucket; nothing is allocated for inputs over 4 MiB.
 *
 * <p>Errors: {@link VaultException.UnsupportedFormatVersion} for an unknown format version or algorithm;
 * {@link VaultException.Tampered} (naming the record) for everything else, with no detail of which check
 * failed.
 */
public final class Envelopes {

    /** The longest payload {@link #seal} accepts. */
    public static final int MAX_PAYLOAD_LENGTH = Padding.MAX_PAYLOAD_LENGTH;
    /** The longest envelope {@link #open} reads. */
    public static final int MAX_ENVELOPE_LENGTH = EnvelopeLayout.MAX_ENVELOPE_LENGTH;

    /** Counts payload decryptions attempted; a test seam proving the commitment is checked first. */
    static final AtomicLong PAYLOAD_DECRYPTIONS_ATTEMPTED = new AtomicLong();

    private Envelopes() {
    }

    /**
     * Seals {@code payload} for {@code address} under a fresh random DEK, wrapped under {@code vaultKey}.
     *
     * @param vaultKeyVersion the version of {@code vaultKey}, stored in the key slot (0 or more)
     * @param vaultKey a 32-byte vault key; not destroyed
     * @param payload the plaintext (record JSON), at most {@link #MAX_PAYLOAD_LENGTH} bytes
     */
    public static byte[] seal(RecordAddress address, int vaultKeyVersion, SecretBytes vaultKey, byte[] payload) {
        Objects.requireNonNull(address, "address");
        requireVersion(vaultKeyVersion);
        byte[] padded = Padding.pad(payload);
        byte[] context = EnvelopeLayout.context(address);
        byte[] nonce = AesGcm.newNonce();
        EnvelopeKeys.Derived derived = null;
        try (SecretBytes dek = CryptoRandom.secret(32)) {
            derived = EnvelopeKeys.derive(dek, nonce, context);
            SecretBytes encryptionKey = derived.encryptionKey();
            byte[] commitment = derived.commitment();
            byte[] wrappedDek = KeyWrap.wrap(vaultKey, dek, EnvelopeKeys.keySlotAad(context, vaultKeyVersion));
            byte[] header = ByteBuffer.allocate(HEADER_LENGTH).put(context).put(commitment).put(nonce)
                    .putInt(vaultKeyVersion).put(wrappedDek).array();
            byte[] ciphertext = AesGcm.encryptWithNonce(encryptionKey, nonce, padded, payloadAad(header));
            return ByteBuffer.allocate(HEADER_LENGTH + ciphertext.length).put(header).put(ciphertext).array();
        } finally {
            Arrays.fill(padded, (byte) 0);
            if (derived != null) {
                derived.encryptionKey().destroy();
            }
        }
    }

    /**
     * Opens an envelope that must belong to {@code expected}.
     *
     * @param keys supplies the vault key for the version named in the key slot
     * @return the payload; the caller wipes it when done
     * @throws VaultException.UnsupportedFormatVersion for an unknown format version or algorithm
     * @throws VaultException.Tampered for anything else: wrong address, unknown or wrong vault key,
     *     failed key slot, failed commitment, failed payload authentication, bad padding, bad sizes
     */
    public static byte[] open(RecordAddress expected, VaultKeyResolver keys, byte[] envelope) {
        Objects.requireNonNull(expected, "expected");
        EnvelopeHeader header = parse(envelope, expected);
        if (!header.address().equals(expected)) {
            throw tampered(expected);
        }
        SecretBytes vaultKey = keys.vaultKey(header.vaultKeyVersion()).orElseThrow(() -> tampered(expected));
        byte[] context = slice(envelope, 0, CONTEXT_LENGTH);
        byte[] nonce = slice(envelope, OFF_NONCE, NONCE_LENGTH);
        try (SecretBytes encryptionKey = committedEncryptionKey(envelope, header, vaultKey, context, nonce)) {
            return decryptPayload(envelope, encryptionKey, nonce, expected);
        }
    }

    /**
     * Re-wraps the DEK under a new vault key, changing only the key slot: the payload, nonce, commitment
     * and address stay byte-for-byte the same. Checks the old key slot and the commitment first.
     *
     * @param oldVaultKey the vault key of the version named in the envelope (see {@link #peek})
     * @throws VaultException.Tampered if the key slot does not open under {@code oldVaultKey}
     */
    public static byte[] rewrap(byte[] envelope, SecretBytes oldVaultKey, int newVaultKeyVersion,
                                SecretBytes newVaultKey) {
        requireVersion(newVaultKeyVersion);
        EnvelopeHeader header = parse(envelope, null);
        byte[] context = slice(envelope, 0, CONTEXT_LENGTH);
        byte[] nonce = slice(envelope, OFF_NONCE, NONCE_LENGTH);
        try (SecretBytes dek = unwrapDek(envelope, header, oldVaultKey, context)) {
            checkCommitment(envelope, dek, context, nonce, header.address()).destroy();
            byte[] wrapped = KeyWrap.wrap(newVaultKey, dek, EnvelopeKeys.keySlotAad(context, newVaultKeyVersion));
            byte[] out = envelope.clone();
            ByteBuffer.wrap(out).putInt(OFF_KEY_SLOT, newVaultKeyVersion).put(OFF_WRAPPED_DEK, wrapped);
            return out;
        }
    }

    /**
     * Reads the header without keys. Nothing returned is authenticated until {@link #open} succeeds.
     *
     * @throws VaultException.UnsupportedFormatVersion for an unknown format version or algorithm
     * @throws VaultException.Tampered if the bytes are not a well-formed v1 envelope
     */
    public static EnvelopeHeader peek(byte[] envelope) {
        return parse(envelope, null);
    }

    /** Steps 1-6 of the parsing order in docs/security/envelope-v1.md. */
    private static EnvelopeHeader parse(byte[] envelope, RecordAddress expected) {
        if (envelope == null || envelope.length < OFF_ALGORITHM + 2 || envelope.length > MAX_ENVELOPE_LENGTH
                || !hasMagic(envelope)) {
            throw tampered(expected);
        }
        int version = u16(envelope, OFF_VERSION);
        if (version != FORMAT_VERSION) {
            throw new VaultException.UnsupportedFormatVersion("envelope version " + version);
        }
        int algorithm = u16(envelope, OFF_ALGORITHM);
        if (algorithm != ALGORITHM_AES256GCM_HKDF_COMMIT) {
            throw new VaultException.UnsupportedFormatVersion("envelope algorithm " + algorithm);
        }
        int paddedLength = envelope.length - HEADER_LENGTH - TAG_LENGTH;
        if (envelope.length < HEADER_LENGTH + TAG_LENGTH || !Padding.isBucket(paddedLength)) {
            throw tampered(expected);
        }
        long vkVersion = u32(envelope, OFF_KEY_SLOT);
        if (s64(envelope, OFF_REVISION) < 0 || vkVersion > Integer.MAX_VALUE) {
            throw tampered(expected);
        }
        return new EnvelopeHeader(version, algorithm, address(envelope), (int) vkVersion, paddedLength);
    }

    /** Steps 8-9: unwrap the DEK, check the commitment, return K_enc (the DEK is wiped). */
    private static SecretBytes committedEncryptionKey(byte[] envelope, EnvelopeHeader header, SecretBytes vaultKey,
                                                      byte[] context, byte[] nonce) {
        try (SecretBytes dek = unwrapDek(envelope, header, vaultKey, context)) {
            return checkCommitment(envelope, dek, context, nonce, header.address());
        }
    }

    private static SecretBytes unwrapDek(byte[] envelope, EnvelopeHeader header, SecretBytes vaultKey,
                                         byte[] context) {
        byte[] aad = EnvelopeKeys.keySlotAad(context, header.vaultKeyVersion());
        return KeyWrap.tryUnwrap(vaultKey, slice(envelope, OFF_WRAPPED_DEK, WRAPPED_DEK_LENGTH), aad)
                .orElseThrow(() -> tampered(header.address()));
    }

    /** K_enc if the header's commitment matches this DEK (compared in constant time), else Tampered. */
    private static SecretBytes checkCommitment(byte[] envelope, SecretBytes dek, byte[] context, byte[] nonce,
                                               RecordAddress address) {
        EnvelopeKeys.Derived derived = EnvelopeKeys.derive(dek, nonce, context);
        boolean committed = ConstantTime.equals(derived.commitment(),
                slice(envelope, OFF_COMMITMENT, COMMITMENT_LENGTH));
        Arrays.fill(derived.commitment(), (byte) 0);
        if (!committed) {
            derived.encryptionKey().destroy();
            throw tampered(address);
        }
        return derived.encryptionKey();
    }

    private static byte[] decryptPayload(byte[] envelope, SecretBytes encryptionKey, byte[] nonce,
                                         RecordAddress address) {
        byte[] ciphertext = Arrays.copyOfRange(envelope, HEADER_LENGTH, envelope.length);
        byte[] padded;
        try {
            PAYLOAD_DECRYPTIONS_ATTEMPTED.incrementAndGet();
            padded = AesGcm.decryptWithNonce(encryptionKey, nonce, ciphertext, payloadAad(envelope));
        } catch (DecryptionFailedException e) {
            throw tampered(address);
        }
        try {
            return Padding.unpad(padded).orElseThrow(() -> tampered(address));
        } finally {
            Arrays.fill(padded, (byte) 0);
        }
    }

    /** The payload's AAD: header bytes 0..91 (everything before the key slot). */
    static byte[] payloadAad(byte[] headerOrEnvelope) {
        return slice(headerOrEnvelope, 0, OFF_KEY_SLOT);
    }

    private static void requireVersion(int vaultKeyVersion) {
        if (vaultKeyVersion < 0) {
            throw new IllegalArgumentException("vault-key version must not be negative");
        }
    }

    private static VaultException.Tampered tampered(RecordAddress address) {
        return new VaultException.Tampered(address == null ? null : address.recordId());
    }
}
