package dev.termvault.app.ssh;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.net.SshdSocketAddress;

import dev.termvault.vault.model.PortForward;

/** Starts a host's local (-L), remote (-R) and dynamic SOCKS (-D) forwards on a logged-in session. */
final class Forwards {

    private Forwards() {
    }

    static List<ForwardBinding> start(Hop hop, List<PortForward> forwards) throws SshConnectionException {
        ClientSession session = hop.session();
        List<ForwardBinding> bindings = new ArrayList<>();
        for (PortForward forward : forwards) {
            String bindHost = forward.bindAddress() == null || forward.bindAddress().isBlank()
                    ? "127.0.0.1" : forward.bindAddress();
            var bind = new SshdSocketAddress(bindHost, forward.bindPort());
            try {
                SshdSocketAddress bound = switch (forward.kind()) {
                    case LOCAL -> session.startLocalPortForwarding(bind,
                            new SshdSocketAddress(forward.targetHost(), forward.targetPort()));
                    case REMOTE -> session.startRemotePortForwarding(bind,
                            new SshdSocketAddress(forward.targetHost(), forward.targetPort()));
                    case DYNAMIC -> session.startDynamicPortForwarding(bind);
                };
                bindings.add(new ForwardBinding(forward, bound.getHostName(), bound.getPort()));
            } catch (IOException e) {
                throw new SshConnectionException.ConnectionFailed("Could not start the " + describe(forward)
                        + " forward on " + hop.endpoint() + " (is the port free, and does the server allow it?).", e);
            }
        }
        return bindings;
    }

    static String describe(PortForward forward) {
        return switch (forward.kind()) {
            case LOCAL -> "local " + forward.bindPort() + " -> " + forward.targetHost() + ":" + forward.targetPort();
            case REMOTE -> "remote " + forward.bindPort() + " -> " + forward.targetHost() + ":" + forward.targetPort();
            case DYNAMIC -> "dynamic (SOCKS) " + forward.bindPort();
        };
    }
}
