package dev.termvault.vault.model;

import java.util.Objects;

/**
 * One port forward started with a session.
 *
 * @param kind        local (-L), remote (-R) or dynamic SOCKS (-D)
 * @param bindAddress address to listen on, null for loopback
 * @param bindPort    port to listen on
 * @param targetHost  where to connect to (null for dynamic)
 * @param targetPort  port to connect to (0 for dynamic)
 */
public record PortForward(Kind kind, String bindAddress, int bindPort, String targetHost, int targetPort) {

    public enum Kind { LOCAL, REMOTE, DYNAMIC }

    public PortForward {
        Objects.requireNonNull(kind, "kind");
        if (bindPort < 0 || bindPort > 65535) {
            throw new IllegalArgumentException("Forward port must be between 0 and 65535, not " + bindPort);
        }
        if (kind != Kind.DYNAMIC) {
            Objects.requireNonNull(targetHost, "targetHost");
            if (targetPort < 1 || targetPort > 65535) {
                throw new IllegalArgumentException("Forward target port must be between 1 and 65535");
            }
        }
    }
}
