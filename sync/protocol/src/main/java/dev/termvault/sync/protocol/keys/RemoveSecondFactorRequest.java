package dev.termvault.sync.protocol.keys;

/**
 * {@code POST /v1/keys/account/second-factor/remove} (access token): a fresh SRP proof for the caller's own
 * email and a valid answer for the factor (a current code or a recovery code).
 */
public record RemoveSecondFactorRequest(String loginId, byte[] a, byte[] m1, SecondFactorAnswer secondFactor) {
}
