package dev.termvault.sync.protocol.keys;

/**
 * A successful login: M2 (the server's proof, check it first), the tokens, and the service share S sealed
 * under a key derived from the SRP session key (see docs/security/key-service.md, "Share release").
 */
public record LoginFinishResponse(String accountId, String deviceId, byte[] m2, String accessToken,
                                  long accessTokenExpiresIn, String refreshToken, byte[] sealedShare) {
}
