package dev.termvault.app.ssh;

import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.forward.ForwardingFilter;

/**
 * The client side's forwarding rules: the forwards the host record starts may listen, the server may
 * deliver connections for the remote forwards we asked for, the agent only where the host enables it,
 * and the server may never ask the client to open arbitrary connections (direct-tcpip) or X11.
 */
final class SessionForwardingFilter implements ForwardingFilter {

    private final boolean agentForwarding;

    SessionForwardingFilter(boolean agentForwarding) {
        this.agentForwarding = agentForwarding;
    }

    @Override
    public boolean canForwardAgent(Session session, String requestType) {
        return agentForwarding;
    }

    @Override
    public boolean canForwardX11(Session session, String requestType) {
        return false;
    }

    @Override
    public boolean canListen(SshdSocketAddress address, Session session) {
        return true;
    }

    @Override
    public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
        return type == Type.Forwarded;
    }
}
