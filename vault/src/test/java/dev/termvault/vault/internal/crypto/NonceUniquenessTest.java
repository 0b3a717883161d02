package dev.termvault.vault.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.vault.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NonceUniquenessTest {

    private static final int ENCRYPTIONS = 1_000_000;

    @Test
    void encrypt_millionEncryptionsUnderOneKey_neverRepeatANonce() {
        SecretBytes key = CryptoRandom.secret(32);
        byte[] plaintext = new byte[16];
        // Each 96-bit nonce stored compactly as a long (first 8 bytes) and an int (last 4 bytes).
        long[] high = new long[ENCRYPTIONS];
        int[] low = new int[ENCRYPTIONS];
        for (int i = 0; i < ENCRYPTIONS; i++) {
            ByteBuffer sealed = ByteBuffer.wrap(AesGcm.encrypt(key, plaintext, null));
            assertThat(sealed.remaining()).isEqualTo(12 + 16 + 16);
            high[i] = sealed.getLong(0);
            low[i] = sealed.getInt(8);
        }
        assertThat(countRepeats(high, low)).isZero();
    }

    @Test
    void countRepeats_detectsARepeatedNonce() {
        assertThat(countRepeats(new long[] {5, 7, 5}, new int[] {1, 2, 1})).isEqualTo(1);
        assertThat(countRepeats(new long[] {5, 7, 5}, new int[] {1, 2, 3})).isZero();
    }

    /** Number of nonces equal to an earlier one. Sorts by the high part; compares low parts on ties. */
    private static int countRepeats(long[] high, int[] low) {
        long[] sortedHigh = high.clone();
        Arrays.sort(sortedHigh);
        int repeats = 0;
        for (int i = 1; i < sortedHigh.length; i++) {
            if (sortedHigh[i] == sortedHigh[i - 1]) {
                repeats += repeatsAmongLowParts(high, low, sortedHigh[i]);
                while (i + 1 < sortedHigh.length && sortedHigh[i + 1] == sortedHigh[i]) {
                    i++;
                }
            }
        }
        return repeats;
    }

    private static int repeatsAmongLowParts(long[] high, int[] low, long value) {
        int[] lows = new int[high.length];
        int n = 0;
        for (int i = 0; i < high.length; i++) {
            if (high[i] == value) {
                lows[n++] = low[i];
            }
        }
        int[] sorted = Arrays.copyOf(lows, n);
        Arrays.sort(sorted);
        int repeats = 0;
        for (int i = 1; i < n; i++) {
            if (sorted[i] == sorted[i - 1]) {
                repeats++;
            }
        }
        return repeats;
    }
}
