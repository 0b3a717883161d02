package dev.termvault.sync.protocol.keys;

/** A new access token and the refresh token that replaces the one just used. */
public record TokenResponse(String accessToken, long accessTokenExpiresIn, String refreshToken) {
}
