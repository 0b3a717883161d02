package dev.termvault.vault.internal.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.vault.VaultException;
import dev.termvault.vault.internal.crypto.CryptoRandom;
import dev.termvault.vault.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopesTest {

    private static final byte[] PAYLOAD =
            "{\"type\":\"host\",\"hostname\":\"db.internal.example\",\"username\":\"root\"}".getBytes(StandardCharsets.UTF_8);

    private final SecretBytes vaultKey = CryptoRandom.secret(32);
    private final RecordAddress address = new RecordAddress(UUID.randomUUID(), UUID.randomUUID(), 7);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 508, 509, 5000, 70_000})
    void sealThenOpen_returnsThePayloadAndPadsToABucket(int length) {
        byte[] payload = new byte[length];
        Arrays.fill(payload, (byte) 'a');
        byte[] envelope = Envelopes.seal(address, 3, vaultKey, payload);
        assertThat(envelope.length).isEqualTo(156 + Padding.bucketFor(length) + 16);
        assertThat(Envelopes.open(address, VaultKeyResolver.single(3, vaultKey), envelope)).isEqualTo(payload);
    }

    @Test
    void seal_sameInputTwice_usesAFreshDekNonceAndCommitment() {
        byte[] a = Envelopes.seal(address, 1, vaultKey, PAYLOAD);
        byte[] b = Envelopes.seal(address, 1, vaultKey, PAYLOAD);
        assertThat(Arrays.copyOfRange(a, 48, 156)).isNotEqualTo(Arrays.copyOfRange(b, 48, 156));
        assertThat(Arrays.copyOfRange(a, 48, 80)).isNotEqualTo(Arrays.copyOfRange(b, 48, 80));
        assertThat(Arrays.copyOfRange(a, 96, 156)).isNotEqualTo(Arrays.copyOfRange(b, 96, 156));
        assertThat(Arrays.copyOfRange(a, 0, 48)).isEqualTo(Arrays.copyOfRange(b, 0, 48));
    }

    @Test
    void seal_headerHoldsNoPlaintext() {
        byte[] envelope = Envelopes.seal(address, 1, vaultKey, PAYLOAD);
        assertThat(new String(envelope, StandardCharsets.ISO_8859_1)).doesNotContain("db.internal", "root", "host");
    }

    @Test
    void open_everyByteFlipped_isRejected() {
        byte[] envelope = Envelopes.seal(address, 1, vaultKey, PAYLOAD);
        VaultKeyResolver keys = VaultKeyResolver.single(1, vaultKey);
        int rejected = 0;
        for (int i = 0; i < envelope.length; i++) {
            for (int mask : new int[] {0x01, 0x80, 0xff}) {
                byte[] flipped = envelope.clone();
                flipped[i] ^= (byte) mask;
                Class<? extends VaultException> expected = i >= 4 && i < 8
                        ? VaultException.UnsupportedFormatVersion.class
                        : VaultException.Tampered.class;
                assertThatThrownBy(() -> Envelopes.open(address, keys, flipped))
                        .as("byte %d ^ %02x", i, mask).isInstanceOf(expected).hasNoCause();
                rejected++;
            }
        }
        assertThat(rejected).isEqualTo(envelope.length * 3);
    }

    @Test
    void open_truncatedOrExtended_isTampered() {
        byte[] envelope = Envelopes.seal(address, 1, vaultKey, PAYLOAD);
        VaultKeyResolver keys = VaultKeyResolver.single(1, vaultKey);
        for (int length : new int[] {0, 3, 8, 155, 156, 171, 172, envelope.length - 16, envelope.length - 1,
                envelope.length + 1, envelope.length + 512}) {
            byte[] resized = Arrays.copyOf(envelope, length);
            assertThatThrownBy(() -> Envelopes.open(address, keys, resized)).as("length " + length)
                    .isInstanceOf(VaultException.Tampered.class);
        }
        assertThatThrownBy(() -> Envelopes.open(address, keys, null)).isInstanceOf(VaultException.Tampered.class);
    }

    @Test
    void open_envelopeOfAnotherRecordRevisionOrVault_isTampered() {
        VaultKeyResolver keys = VaultKeyResolver.single(1, vaultKey);
        byte[] envelope = Envelopes.seal(address, 1, vaultKey, PAYLOAD);
        for (RecordAddress other : otherAddresses()) {
            assertThatThrownBy(() -> Envelopes.open(other, keys, envelope)).isInstanceOf(VaultException.Tampered.class);
            // Rewriting the header to claim the other address does not help either.
            byte[] relabelled = withAddress(envelope, other);
            assertThatThrownBy(() -> Envelopes.open(other, keys, relabelled)).isInstanceOf(VaultException.Tampered.class);
        }
    }

    @Test
    void open_keySlotOrCiphertextSwappedBetweenRecords_isTampered() {
        VaultKeyResolver keys = VaultKeyResolver.single(1, vaultKey);
        byte[] mine = Envelopes.seal(address, 1, vaultKey, PAYLOAD);
        for (RecordAddress other : otherAddresses()) {
            byte[] theirs = Envelopes.seal(other, 1, vaultKey, PAYLOAD);
            byte[] slotSwapped = mine.clone();
            System.arraycopy(theirs, 92, slotSwapped, 92, 64);
            assertThatThrownBy(() -> Envelopes.open(address, keys, slotSwapped)).isInstanceOf(VaultException.Tampered.class);
            byte[] ciphertextSwapped = mine.clone();
            System.arraycopy(theirs, 156, ciphertextSwapped, 156, mine.length - 156);
            assertThatThrownBy(() -> Envelopes.open(address, keys, ciphertextSwapped)).isInstanceOf(VaultException.Tampered.class);
            byte[] headerSwapped = theirs.clone();
            System.arraycopy(mine, 0, headerSwapped, 0, 156);
            assertThatThrownBy(() -> Envelopes.open(address, keys, headerSwapped)).isInstanceOf(VaultException.Tampered.class);
        }
        // Even two seals of the same address cannot trade key slots: the commitment ties slot to payload.
        byte[] again = Envelopes.seal(address, 1, vaultKey, PAYLOAD);
        byte[] mixed = mine.clone();
        System.arraycopy(again, 92, mixed, 92, 64);
        assertThatThrownBy(() -> Envelopes.open(address, keys, mixed)).isInstanceOf(VaultException.Tampered.class);
    }

    @Test
    void open_underAnotherVaultKeyOrUnknownVersion_isTamperedAndNamesTheRecord() {
        byte[] envelope = Envelopes.seal(address, 1, vaultKey, PAYLOAD);
        assertThatThrownBy(() -> Envelopes.open(address, VaultKeyResolver.single(1, CryptoRandom.secret(32)), envelope))
                .isInstanceOf(VaultException.Tampered.class)
                .hasMessageContaining(address.recordId().toString())
                .satisfies(e -> assertThat(((VaultException.Tampered) e).recordId()).hasValue(address.recordId()));
        assertThatThrownBy(() -> Envelopes.open(address, VaultKeyResolver.single(2, vaultKey), envelope))
                .isInstanceOf(VaultException.Tampered.class);
    }

    @Test
    void open_unknownFormatVersionOrAlgorithm_isUnsupported() {
        byte[] envelope = Envelopes.seal(address, 1, vaultKey, PAYLOAD);
        byte[] v2 = envelope.clone();
        ByteBuffer.wrap(v2).putShort(4, (short) 2);
        assertThatThrownBy(() -> Envelopes.open(address, VaultKeyResolver.single(1, vaultKey), v2))
                .isInstanceOf(VaultException.UnsupportedFormatVersion.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> Envelopes.peek(v2)).isInstanceOf(VaultException.UnsupportedFormatVersion.class);
        byte[] alg9 = envelope.clone();
        ByteBuffer.wrap(alg9).putShort(6, (short) 9);
        assertThatThrownBy(() -> Envelopes.open(address, VaultKeyResolver.single(1, vaultKey), alg9))
                .isInstanceOf(VaultException.UnsupportedFormatVersion.class).hasMessageContaining("algorithm 9");
        // A future version is recognised from its first 8 bytes alone, whatever its length.
        byte[] shortV2 = Arrays.copyOf(v2, 8);
        assertThatThrownBy(() -> Envelopes.peek(shortV2)).isInstanceOf(VaultException.UnsupportedFormatVersion.class);
    }

    @Test
    void open_hostileSizes_areRefusedBeforeAnyDecryption() {
        long before = Envelopes.PAYLOAD_DECRYPTIONS_ATTEMPTED.get();
        byte[] huge = Arrays.copyOf(Envelopes.seal(address, 1, vaultKey, PAYLOAD), Envelopes.MAX_ENVELOPE_LENGTH + 1);
        assertThatThrownBy(() -> Envelopes.open(address, VaultKeyResolver.single(1, vaultKey), huge))
                .isInstanceOf(VaultException.Tampered.class);
        assertThat(Envelopes.PAYLOAD_DECRYPTIONS_ATTEMPTED.get()).isEqualTo(before);
        assertThatThrownBy(() -> Envelopes.seal(address, 1, vaultKey, new byte[Envelopes.MAX_PAYLOAD_LENGTH + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seal_largestPayload_staysUnderTheEnvelopeCap() {
        byte[] envelope = Envelopes.seal(address, 1, vaultKey, new byte[Envelopes.MAX_PAYLOAD_LENGTH]);
        assertThat(envelope.length).isLessThanOrEqualTo(Envelopes.MAX_ENVELOPE_LENGTH);
        assertThat(Envelopes.open(address, VaultKeyResolver.single(1, vaultKey), envelope))
                .hasSize(Envelopes.MAX_PAYLOAD_LENGTH);
    }

    @Test
    void rewrap_changesOnlyTheKeySlot() {
        byte[] envelope = Envelopes.seal(address, 1, vaultKey, PAYLOAD);
        SecretBytes newKey = CryptoRandom.secret(32);
        byte[] rewrapped = Envelopes.rewrap(envelope, vaultKey, 2, newKey);
        assertThat(rewrapped).hasSameSizeAs(envelope);
        assertThat(Arrays.copyOfRange(rewrapped, 0, 92)).isEqualTo(Arrays.copyOfRange(envelope, 0, 92));
        assertThat(Arrays.copyOfRange(rewrapped, 156, rewrapped.length))
                .isEqualTo(Arrays.copyOfRange(envelope, 156, envelope.length));
        assertThat(Arrays.copyOfRange(rewrapped, 92, 156)).isNotEqualTo(Arrays.copyOfRange(envelope, 92, 156));
        assertThat(Envelopes.peek(rewrapped).vaultKeyVersion()).isEqualTo(2);
        assertThat(Envelopes.open(address, VaultKeyResolver.single(2, newKey), rewrapped)).isEqualTo(PAYLOAD);
        assertThatThrownBy(() -> Envelopes.open(address, VaultKeyResolver.single(2, vaultKey), rewrapped))
                .isInstanceOf(VaultException.Tampered.class);
        // The key slot binds its version: relabelling a version-2 slot as version 1 fails.
        byte[] relabelled = rewrapped.clone();
        ByteBuffer.wrap(relabelled).putInt(92, 1);
        assertThatThrownBy(() -> Envelopes.open(address, VaultKeyResolver.single(1, newKey), relabelled))
                .isInstanceOf(VaultException.Tampered.class);
    }

    @Test
    void rewrap_wrongOldKey_isTampered() {
        byte[] envelope = Envelopes.seal(address, 1, vaultKey, PAYLOAD);
        assertThatThrownBy(() -> Envelopes.rewrap(envelope, CryptoRandom.secret(32), 2, CryptoRandom.secret(32)))
                .isInstanceOf(VaultException.Tampered.class);
    }

    @Test
    void peek_readsTheHeaderWithoutKeys() {
        byte[] envelope = Envelopes.seal(address, 42, vaultKey, PAYLOAD);
        EnvelopeHeader header = Envelopes.peek(envelope);
        assertThat(header).isEqualTo(new EnvelopeHeader(1, 1, address, 42, 512));
        assertThat(Arrays.copyOf(envelope, 4)).isEqualTo("TVE1".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void seal_negativeKeyVersion_isRefused() {
        assertThatThrownBy(() -> Envelopes.seal(address, -1, vaultKey, PAYLOAD)).isInstanceOf(IllegalArgumentException.class);
    }

    private RecordAddress[] otherAddresses() {
        return new RecordAddress[] {
            new RecordAddress(address.vaultId(), UUID.randomUUID(), address.revision()),
            new RecordAddress(address.vaultId(), address.recordId(), address.revision() + 1),
            new RecordAddress(address.vaultId(), address.recordId(), address.revision() - 1),
            new RecordAddress(UUID.randomUUID(), address.recordId(), address.revision()),
        };
    }

    private static byte[] withAddress(byte[] envelope, RecordAddress other) {
        byte[] out = envelope.clone();
        ByteBuffer.wrap(out)
                .putLong(8, other.vaultId().getMostSignificantBits()).putLong(16, other.vaultId().getLeastSignificantBits())
                .putLong(24, other.recordId().getMostSignificantBits()).putLong(32, other.recordId().getLeastSignificantBits())
                .putLong(40, other.revision());
        return out;
    }
}
