package dev.termvault.app.ssh;

import dev.termvault.vault.model.PortForward;

/**
 * A forward that is running, and where it actually listens (a requested port 0 gets a free one).
 *
 * @param forward   the forward as configured on the host
 * @param boundHost the address it listens on (local for LOCAL and DYNAMIC, on the server for REMOTE)
 * @param boundPort the port it listens on
 */
public record ForwardBinding(PortForward forward, String boundHost, int boundPort) {
}
