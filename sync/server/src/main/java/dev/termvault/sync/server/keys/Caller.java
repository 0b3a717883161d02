package dev.termvault.sync.server.keys;

/** The account and device of a verified, unrevoked access token. */
public record Caller(String accountId, String deviceId) {
}
