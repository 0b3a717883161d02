package dev.termvault.app.ssh.openssh;

import java.util.List;

import dev.termvault.vault.model.PortForward;

/** Reads LocalForward, RemoteForward and DynamicForward arguments into {@link PortForward}s. */
final class ForwardSpec {

    /** A forward that cannot become a record, with the reason. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message);
        }
    }

    private ForwardSpec() {
    }

    static PortForward parse(PortForward.Kind kind, List<String> args) throws Unsupported {
        String joined = String.join(" ", args);
        if (joined.contains("/")) {
            throw new Unsupported("Unix socket forwards are not supported");
        }
        if (kind == PortForward.Kind.DYNAMIC) {
            if (args.size() != 1) {
                throw new Unsupported("DynamicForward takes one [address:]port");
            }
            HostPort listen = hostPort(args.get(0), true);
            return new PortForward(kind, listen.host(), listen.port(), null, 0);
        }
        if (args.size() == 1 && kind == PortForward.Kind.REMOTE) {
            throw new Unsupported("a remote SOCKS forward (RemoteForward with one argument) is not supported");
        }
        if (args.size() != 2) {
            throw new Unsupported("a forward needs a listen [address:]port and a target host:port");
        }
        HostPort listen = hostPort(args.get(0), true);
        HostPort target = hostPort(args.get(1), false);
        if (target.host() == null) {
            throw new Unsupported("the target '" + args.get(1) + "' needs a host and a port");
        }
        return new PortForward(kind, listen.host(), listen.port(), target.host(), target.port());
    }

    /** A host (null when absent) and port, from {@code port}, {@code host:port} or {@code [v6]:port}. */
    record HostPort(String host, int port) {
    }

    static HostPort hostPort(String spec, boolean hostOptional) throws Unsupported {
        String host = null;
        String port = spec;
        if (spec.startsWith("[")) {
            int close = spec.indexOf(']');
            if (close < 0 || close + 1 >= spec.length() || spec.charAt(close + 1) != ':') {
                throw new Unsupported("'" + spec + "' is not [address]:port");
            }
            host = spec.substring(1, close);
            port = spec.substring(close + 2);
        } else {
            int colon = spec.lastIndexOf(':');
            if (colon >= 0) {
                host = spec.substring(0, colon);
                port = spec.substring(colon + 1);
            }
        }
        if (host == null && !hostOptional) {
            throw new Unsupported("'" + spec + "' needs host:port");
        }
        try {
            int value = Integer.parseInt(port);
            if (value < 0 || value > 65535) {
                throw new NumberFormatException();
            }
            return new HostPort(host == null || host.isEmpty() ? null : host, value);
        } catch (NumberFormatException e) {
            throw new Unsupported("'" + port + "' is not a port number");
        }
    }
}
