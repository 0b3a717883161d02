package dev.termvault.sync.server.auth;

/**
 * Who a verified access token speaks for: an account and one of its devices. The blob service gets one from
 * {@link AccessTokenVerifier}; the key service, which also refuses a revoked device, from its account admin.
 */
public record Caller(String accountId, String deviceId) {
}
