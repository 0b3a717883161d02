package dev.termvault.sync.server.http;

import dev.termvault.sync.server.tls.TlsMaterial;

/**
 * How the HTTP layer listens: host, port (0 = any free port), the TLS identity (null only when TLS is
 * explicitly off, behind a TLS-terminating proxy), the largest request body accepted, and whether
 * {@code /metrics} is served.
 */
public record HttpSettings(String host, int port, TlsMaterial tls, long maxBodyBytes, boolean metricsEnabled) {
}
