package dev.termvault.sync.server.keys.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, RFC 6238 over RFC 4226's HOTP: {@code T = floor(unixSeconds / step)},
 * {@code code = Truncate(HMAC(K, T as 8 bytes big-endian)) mod 10^digits}, left-padded with zeros.
 *
 * <p>Guarantee: {@link #match} accepts a code only when it is the code of one of the steps within
 * {@code driftSteps} of the current one, compares in constant time, and names that step, so the caller can
 * refuse a step it has already accepted (RFC 6238 section 5.2).
 */
public final class Totp {

    /** The HMAC of the RFC's three modes. */
    public enum Algorithm {
        SHA1("HmacSHA1"), SHA256("HmacSHA256"), SHA512("HmacSHA512");

        private final String jca;

        Algorithm(String jca) {
            this.jca = jca;
        }
    }

    /** A validated parameter set: the HMAC, the number of digits, the step and the accepted drift in steps. */
    public record Parameters(Algorithm algorithm, int digits, Duration step, int driftSteps) {
        public Parameters {
            if (algorithm == null || digits < 6 || digits > 8 || step.toSeconds() < 1 || driftSteps < 0
                    || driftSteps > 2) {
                throw new IllegalArgumentException("TOTP parameters out of range");
            }
        }
    }

    /** What authenticator apps expect by default: HMAC-SHA1, 6 digits, 30 s steps; one step of drift each way. */
    public static final Parameters SHA1_6_DIGITS_30S = new Parameters(Algorithm.SHA1, 6, Duration.ofSeconds(30), 1);

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** The time step of an instant: floor(epoch seconds / step). */
    public static long step(Parameters p, long epochMillis) {
        return Math.floorDiv(Math.floorDiv(epochMillis, 1000), p.step().toSeconds());
    }

    /** The code of step {@code t} (RFC 4226 section 5.3: dynamic truncation, then mod 10^digits). */
    public static String code(Parameters p, byte[] secret, long t) {
        byte[] h;
        try {
            Mac mac = Mac.getInstance(p.algorithm().jca);
            mac.init(new SecretKeySpec(secret, p.algorithm().jca));
            h = mac.doFinal(ByteBuffer.allocate(8).putLong(t).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(p.algorithm().jca + " is missing from this JDK", e);
        }
        int offset = h[h.length - 1] & 0x0f;
        int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                | (h[offset + 3] & 0xff);
        String digits = Integer.toString(binary % POWERS[p.digits()]);
        return "0".repeat(p.digits() - digits.length()) + digits;
    }

    /**
     * The newest step within the drift window around {@code epochMillis} whose code is {@code code}; empty when
     * none is (or the code is not {@code digits} digits). Every step of the window is computed and compared.
     */
    public static OptionalLong match(Parameters p, byte[] secret, String code, long epochMillis) {
        if (code == null || code.length() != p.digits() || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long now = step(p, epochMillis);
        long found = Long.MIN_VALUE;
        for (long t = now - p.driftSteps(); t <= now + p.driftSteps(); t++) {
            if (MessageDigest.isEqual(code(p, secret, t).getBytes(StandardCharsets.US_ASCII), given)) {
                found = t;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }
}
