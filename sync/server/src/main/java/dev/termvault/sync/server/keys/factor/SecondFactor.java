package dev.termvault.sync.server.keys.factor;

import dev.termvault.sync.server.keys.store.StoredFactor;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One kind of second factor the key service checks, after a right SRP proof and before it releases the
 * service share (docs/security/key-service.md, "Second factor"). A kind knows how to make a new factor and
 * how to check an answer; storage, recovery codes, throttling and the audit log are {@link SecondFactors}'s,
 * the same for every kind.
 *
 * <p>Guarantee: {@link #verify} returns a counter only for an answer that is valid now for this stored factor
 * and whose counter is above the stored one; the caller records the counter with a conditional update, so
 * an answer is accepted at most once. TOTP's counter is the time step; WebAuthn's would be the signature
 * counter of the authenticator.
 */
public interface SecondFactor {

    /** The stable name on the wire and in the store ("totp"). */
    String kind();

    /**
     * Makes a new factor for an account: what to store (kind-specific; secrets only wrapped by the master
     * key) and what the person's device needs to set it up ({@code setup}, sent once).
     */
    Enrolment begin(String accountId, String email) throws GeneralSecurityException;

    /**
     * The counter of {@code answer} if it is valid at {@code nowMillis} for {@code factor} and newer than the
     * factor's counter; empty otherwise (wrong, malformed, out of its window, or already used).
     */
    OptionalLong verify(StoredFactor factor, String answer, long nowMillis) throws GeneralSecurityException;

    /**
     * The factor's stored bytes re-wrapped under the master key's current version (after a rotation); empty
     * when they already are, or hold nothing wrapped.
     */
    Optional<byte[]> rewrap(StoredFactor factor) throws GeneralSecurityException;

    /** A factor just made: the bytes to store and the set-up values for the person's device. */
    record Enrolment(byte[] stored, Map<String, String> setup) {

        public Enrolment {
            setup = Map.copyOf(setup);
        }

        @Override
        public String toString() {
            return "Enrolment[" + setup.keySet() + "]";
        }
    }
}
