package dev.termvault.sync.server.auth;

import java.time.Instant;

/** A verified revocation notice from the key service. */
public record Revocation(String accountId, String deviceId, Instant issuedAt) {
}
