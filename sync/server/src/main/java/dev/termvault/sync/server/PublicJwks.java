package dev.termvault.sync.server;

/**
 * The key service's token-signing PUBLIC keys as a JWK set (JSON). The key role provides it through
 * {@link Peers} when both roles run in one process; otherwise the blob role fetches
 * {@code GET /v1/keys/jwks} or reads a configured file.
 */
public interface PublicJwks {
    String jwksJson();
}
