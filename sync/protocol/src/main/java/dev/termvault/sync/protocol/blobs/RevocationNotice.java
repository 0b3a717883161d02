package dev.termvault.sync.protocol.blobs;

/**
 * {@code POST /v1/internal/revocations}: a JWT signed by the key service with header {@code typ}
 * "tv-revocation" and claims {@code sub} (account), {@code did} (device), {@code iat}.
 */
public record RevocationNotice(String token) {
}
