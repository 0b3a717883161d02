package dev.termvault.app.ssh.openssh;

import java.util.ArrayList;
import java.util.List;

/**
 * One hop of a ProxyJump value: {@code [user@]host[:port]} or {@code ssh://[user@]host[:port]}.
 *
 * @param spec the hop as written
 * @param user the user, or null
 * @param host the host name or alias
 * @param port the port, or 0 when not given
 */
record JumpSpec(String spec, String user, String host, int port) {

    /** The hops of a ProxyJump value, first hop first. */
    static List<JumpSpec> parseChain(String value) throws ForwardSpec.Unsupported {
        List<JumpSpec> hops = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                hops.add(parse(part.strip()));
            }
        }
        return hops;
    }

    static JumpSpec parse(String spec) throws ForwardSpec.Unsupported {
        String rest = spec.startsWith("ssh://") ? spec.substring("ssh://".length()) : spec;
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String user = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        String host = rest;
        int port = 0;
        if (rest.startsWith("[") || rest.indexOf(':') >= 0) {
            if (rest.startsWith("[") && !rest.contains("]:")) {
                host = rest.substring(1, rest.length() - 1);
            } else {
                ForwardSpec.HostPort hp = ForwardSpec.hostPort(rest, false);
                host = hp.host();
                port = hp.port();
            }
        }
        if (host == null || host.isBlank()) {
            throw new ForwardSpec.Unsupported("ProxyJump hop '" + spec + "' has no host");
        }
        return new JumpSpec(spec, user, host, port);
    }
}
