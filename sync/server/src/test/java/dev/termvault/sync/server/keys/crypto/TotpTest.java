package dev.termvault.sync.server.keys.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TOTP against RFC 6238's own vectors, and the drift window the key service accepts. */
class TotpTest {

    /*
     * RFC 6238, Appendix B (Test Vectors), as the RFC gives them: time step X = 30, T0 = 0, 8 digits.
     * The shared secrets are the ASCII strings of the RFC's reference implementation (Appendix A; the seed
     * lengths per mode are stated in RFC errata 2866): SHA1 "12345678901234567890" (20 bytes), SHA256
     * "12345678901234567890123456789012" (32 bytes), SHA512 the 64-byte
     * "1234567890123456789012345678901234567890123456789012345678901234".
     *
     *  +-------------+--------------+------------------+----------+--------+
     *  |  Time (sec) |   UTC Time   | Value of T (hex) |   TOTP   |  Mode  |
     *  +-------------+--------------+------------------+----------+--------+
     */
    @ParameterizedTest(name = "{0} s {4}")
    @CsvSource(delimiter = '|', textBlock = """
                     59 | 1970-01-01 00:00:59 | 0000000000000001 | 94287082 | SHA1
                     59 | 1970-01-01 00:00:59 | 0000000000000001 | 46119246 | SHA256
                     59 | 1970-01-01 00:00:59 | 0000000000000001 | 90693936 | SHA512
             1111111109 | 2005-03-18 01:58:29 | 00000000023523EC | 07081804 | SHA1
             1111111109 | 2005-03-18 01:58:29 | 00000000023523EC | 68084774 | SHA256
             1111111109 | 2005-03-18 01:58:29 | 00000000023523EC | 25091201 | SHA512
             1111111111 | 2005-03-18 01:58:31 | 00000000023523ED | 14050471 | SHA1
             1111111111 | 2005-03-18 01:58:31 | 00000000023523ED | 67062674 | SHA256
             1111111111 | 2005-03-18 01:58:31 | 00000000023523ED | 99943326 | SHA512
             1234567890 | 2009-02-13 23:31:30 | 000000000273EF07 | 89005924 | SHA1
             1234567890 | 2009-02-13 23:31:30 | 000000000273EF07 | 91819424 | SHA256
             1234567890 | 2009-02-13 23:31:30 | 000000000273EF07 | 93441116 | SHA512
             2000000000 | 2033-05-18 03:33:20 | 0000000003F940AA | 69279037 | SHA1
             2000000000 | 2033-05-18 03:33:20 | 0000000003F940AA | 90698825 | SHA256
             2000000000 | 2033-05-18 03:33:20 | 0000000003F940AA | 38618901 | SHA512
            20000000000 | 2603-10-11 11:33:20 | 0000000027BC86AA | 65353130 | SHA1
            20000000000 | 2603-10-11 11:33:20 | 0000000027BC86AA | 77737706 | SHA256
            20000000000 | 2603-10-11 11:33:20 | 0000000027BC86AA | 47863826 | SHA512
            """)
    void rfc6238AppendixB_vectors_matchStepAndCode(long seconds, String utc, String stepHex, String totp, String mode) {
        Totp.Algorithm algorithm = Totp.Algorithm.valueOf(mode);
        Totp.Parameters p = new Totp.Parameters(algorithm, 8, Duration.ofSeconds(30), 1);
        byte[] seed = seed(algorithm);

        long step = Totp.step(p, seconds * 1000);

        assertThat(step).as(utc).isEqualTo(Long.parseLong(stepHex, 16));
        assertThat(Totp.code(p, seed, step)).isEqualTo(totp);
        assertThat(Totp.match(p, seed, totp, seconds * 1000)).hasValue(step);
        assertThat(Totp.code(Totp.SHA1_6_DIGITS_30S.algorithm() == algorithm ? Totp.SHA1_6_DIGITS_30S
                : new Totp.Parameters(algorithm, 6, Duration.ofSeconds(30), 1), seed, step))
                .as("six digits are the last six of the eight").isEqualTo(totp.substring(2));
    }

    /** RFC 4226, Appendix D: HOTP values of the secret "12345678901234567890" for counters 0 to 9. */
    @Test
    void rfc4226AppendixD_hotpValues_matchTheTruncation() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
            "399871", "520489"};
        byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(Totp.code(Totp.SHA1_6_DIGITS_30S, secret, counter)).as("counter " + counter)
                    .isEqualTo(expected[counter]);
        }
    }

    @Test
    void match_oneStepOfDriftEitherWay_isAccepted_twoAreNot() {
        byte[] secret = seed(Totp.Algorithm.SHA1);
        Totp.Parameters p = Totp.SHA1_6_DIGITS_30S;
        long now = 1_700_000_015_000L;
        long step = Totp.step(p, now);

        assertThat(Totp.match(p, secret, Totp.code(p, secret, step), now)).hasValue(step);
        assertThat(Totp.match(p, secret, Totp.code(p, secret, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.match(p, secret, Totp.code(p, secret, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.match(p, secret, Totp.code(p, secret, step - 2), now)).isEmpty();
        assertThat(Totp.match(p, secret, Totp.code(p, secret, step + 2), now)).isEmpty();
    }

    @Test
    void match_malformedCodes_areRefusedWithoutAnyComparison() {
        byte[] secret = seed(Totp.Algorithm.SHA1);
        long now = 59_000;
        String right = Totp.code(Totp.SHA1_6_DIGITS_30S, secret, 1);
        for (String bad : new String[] {null, "", right.substring(1), right + "0", "12345a", " " + right.substring(1)}) {
            assertThat(Totp.match(Totp.SHA1_6_DIGITS_30S, secret, bad, now)).as(String.valueOf(bad))
                    .isEqualTo(OptionalLong.empty());
        }
    }

    @Test
    void parameters_outOfRange_areRefused() {
        assertThatThrownBy(() -> new Totp.Parameters(Totp.Algorithm.SHA1, 5, Duration.ofSeconds(30), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Totp.Parameters(Totp.Algorithm.SHA1, 6, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Totp.Parameters(Totp.Algorithm.SHA1, 6, Duration.ofSeconds(30), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] seed(Totp.Algorithm algorithm) {
        String base = "1234567890";
        int length = switch (algorithm) {
            case SHA1 -> 20;
            case SHA256 -> 32;
            case SHA512 -> 64;
        };
        return base.repeat(7).substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }
}
