package dev.termvault.sync.protocol.keys;

/**
 * {@code POST /v1/keys/account/password} and {@code POST /v1/keys/account/secret-key}: a fresh SRP proof
 * ({@code loginId} from login/start, {@code a}, {@code m1}) made with the CURRENT credentials, and the new
 * salt, KDF parameters and verifier. The service share is unchanged.
 */
public record ChangeVerifierRequest(String loginId, byte[] a, byte[] m1, byte[] salt, WireKdfParams kdf,
                                    byte[] verifier) {
}
