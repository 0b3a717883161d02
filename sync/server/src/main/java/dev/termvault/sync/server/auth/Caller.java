package dev.termvault.sync.server.auth;

/** Who a verified access token speaks for: an account and one of its devices. */
public record Caller(String accountId, String deviceId) {
}
