package dev.termvault.vault.internal.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaddingTest {

    @ParameterizedTest
    @CsvSource({
        "0, 512", "1, 512", "508, 512", "509, 1024", "1020, 1024", "1021, 2048",
        "65532, 65536", "65533, 131072", "131068, 131072", "131069, 196608",
        "4128764, 4128768"
    })
    void bucketFor_payloadLength_givesTheBucket(int payload, int bucket) {
        assertThat(Padding.bucketFor(payload)).isEqualTo(bucket);
        assertThat(Padding.isBucket(bucket)).isTrue();
    }

    @Test
    void bucketFor_tooLarge_isRefused() {
        assertThatThrownBy(() -> Padding.bucketFor(Padding.MAX_PAYLOAD_LENGTH + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isBucket_otherSizes_areNot() {
        for (int size : new int[] {0, 256, 511, 513, 768, 65535, 65537, 98304, 4 * 1024 * 1024}) {
            assertThat(Padding.isBucket(size)).as("size " + size).isFalse();
        }
    }

    @Test
    void unpad_roundTripsAndRejectsBadLengthOrNonZeroPadding() {
        byte[] padded = Padding.pad("hello".getBytes());
        assertThat(padded).hasSize(512);
        assertThat(Padding.unpad(padded)).hasValue("hello".getBytes());
        byte[] dirty = padded.clone();
        dirty[511] = 1;
        assertThat(Padding.unpad(dirty)).isEmpty();
        byte[] tooLong = padded.clone();
        tooLong[2] = 2;
        assertThat(Padding.unpad(tooLong)).isEmpty();
        byte[] negative = padded.clone();
        negative[0] = (byte) 0x80;
        assertThat(Padding.unpad(negative)).isEmpty();
    }
}
