package dev.termvault.sync.protocol.keys;

/** The new account's id. The client then logs in to receive tokens and the service share. */
public record SignupResponse(String accountId) {
}
