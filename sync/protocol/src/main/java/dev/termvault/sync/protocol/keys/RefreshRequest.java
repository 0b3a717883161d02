package dev.termvault.sync.protocol.keys;

/** {@code POST /v1/keys/token/refresh}: a refresh token, usable once. */
public record RefreshRequest(String refreshToken) {
}
