package dev.termvault.sync.protocol.keys;

/**
 * {@code POST /v1/keys/account/second-factor/totp} (access token): a fresh SRP proof ({@code loginId} from
 * login/start for the caller's own email, {@code a}, {@code m1}) that authorises making a new factor.
 */
public record EnrolSecondFactorRequest(String loginId, byte[] a, byte[] m1) {
}
