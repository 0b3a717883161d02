package dev.termvault.sync.protocol.keys;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code POST /v1/keys/account/password} and {@code POST /v1/keys/account/secret-key}: a fresh SRP proof
 * ({@code loginId} from login/start, {@code a}, {@code m1}) made with the CURRENT credentials, and the new
 * salt, KDF parameters and verifier. The service share is unchanged. An account with a second factor also
 * needs {@code secondFactor}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeVerifierRequest(String loginId, byte[] a, byte[] m1, byte[] salt, WireKdfParams kdf,
                                    byte[] verifier, SecondFactorAnswer secondFactor) {

    /** A change without a second-factor answer. */
    public ChangeVerifierRequest(String loginId, byte[] a, byte[] m1, byte[] salt, WireKdfParams kdf, byte[] verifier) {
        this(loginId, a, m1, salt, kdf, verifier, null);
    }
}
