package dev.termvault.app.ssh.openssh;

import dev.termvault.vault.model.PortForward;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One port forward written the way ssh takes it on its command line: {@code -L [bind_address:]port:host:hostport},
 * {@code -R [bind_address:]port:host:hostport} or {@code -D [bind_address:]port}. The flag may also be written
 * without its dash and joined to the forward by a colon ({@code L:8080:localhost:80}), which is what the CLI's
 * {@code --forward} takes. IPv6 addresses go in square brackets.
 *
 * <p>The address and port pieces are read by the same code that reads ssh_config's LocalForward, RemoteForward and
 * DynamicForward ({@link ForwardSpec}); this class adds the command-line layout and the stricter rules a person
 * typing a forward should hear about (an empty bind address, a listen port 0 outside {@code -R}).
 */
public final class ForwardLine {

    private static final Pattern FLAG = Pattern.compile("(-?[A-Za-z]+)(?:\\s+|:)(.*)", Pattern.DOTALL);

    private ForwardLine() {
    }

    /**
     * One forward from its text.
     *
     * @throws IllegalArgumentException with a message a person can act on (no trailing full stop)
     */
    public static PortForward parse(String line) {
        String text = line == null ? "" : line.strip();
        Matcher matcher = FLAG.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("write -L, -R or -D, a space, then the forward");
        }
        String flag = matcher.group(1);
        PortForward.Kind kind = switch (flag.toUpperCase(Locale.ROOT)) {
            case "-L", "L" -> PortForward.Kind.LOCAL;
            case "-R", "R" -> PortForward.Kind.REMOTE;
            case "-D", "D" -> PortForward.Kind.DYNAMIC;
            default -> throw new IllegalArgumentException("'" + flag
                    + "' is not -L (local), -R (remote) or -D (dynamic)");
        };
        String spec = matcher.group(2).strip();
        String name = "-" + kind.name().charAt(0);
        if (spec.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a forward has no spaces after " + name);
        }
        try {
            return kind == PortForward.Kind.DYNAMIC ? dynamic(spec) : tunnel(kind, name, spec);
        } catch (ForwardSpec.Unsupported e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static PortForward dynamic(String spec) throws ForwardSpec.Unsupported {
        if (colons(spec).size() > 1) {
            throw new IllegalArgumentException("-D takes [bind_address:]port");
        }
        ForwardSpec.HostPort listen = listen(spec);
        return new PortForward(PortForward.Kind.DYNAMIC, listen.host(), port(listen, "listen port", 1), null, 0);
    }

    private static PortForward tunnel(PortForward.Kind kind, String name, String spec)
            throws ForwardSpec.Unsupported {
        List<Integer> colons = colons(spec);
        if (colons.size() != 2 && colons.size() != 3) {
            throw new IllegalArgumentException(name + " takes [bind_address:]port:host:hostport");
        }
        int split = colons.get(colons.size() - 2);
        ForwardSpec.HostPort listen = listen(spec.substring(0, split));
        String targetText = spec.substring(split + 1);
        if (targetText.startsWith(":") || targetText.startsWith("[]")) {
            throw new IllegalArgumentException("the target host is empty");
        }
        ForwardSpec.HostPort target = ForwardSpec.hostPort(targetText, false);
        int listenPort = port(listen, "listen port", kind == PortForward.Kind.REMOTE ? 0 : 1);
        return new PortForward(kind, listen.host(), listenPort, target.host(), port(target, "target port", 1));
    }

    /** The listen side, {@code [bind_address:]port}; an empty bind address is refused. */
    private static ForwardSpec.HostPort listen(String text) throws ForwardSpec.Unsupported {
        if (text.startsWith(":") || text.startsWith("[]")) {
            throw new IllegalArgumentException("the bind address is empty (write * for every address)");
        }
        return ForwardSpec.hostPort(text, true);
    }

    private static int port(ForwardSpec.HostPort hostPort, String what, int lowest) {
        if (hostPort.port() < lowest) {
            throw new IllegalArgumentException("the " + what + " must be from " + lowest + " to 65535");
        }
        return hostPort.port();
    }

    /** Where the colons outside square brackets are; refuses an unclosed bracket. */
    private static List<Integer> colons(String spec) {
        List<Integer> colons = new ArrayList<>();
        boolean inBrackets = false;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '[') {
                inBrackets = true;
            } else if (c == ']') {
                if (i + 1 < spec.length() && spec.charAt(i + 1) != ':') {
                    throw new IllegalArgumentException("']' must be followed by ':'");
                }
                inBrackets = false;
            } else if (c == ':' && !inBrackets) {
                colons.add(i);
            }
        }
        if (inBrackets) {
            throw new IllegalArgumentException("a '[' is not closed");
        }
        return colons;
    }

    /** The text for one forward, as {@link #parse} reads it ({@code -L 8080:localhost:80}). */
    public static String format(PortForward forward) {
        StringBuilder out = new StringBuilder(switch (forward.kind()) {
            case LOCAL -> "-L ";
            case REMOTE -> "-R ";
            case DYNAMIC -> "-D ";
        });
        if (forward.bindAddress() != null) {
            out.append(bracketed(forward.bindAddress())).append(':');
        }
        out.append(forward.bindPort());
        if (forward.kind() != PortForward.Kind.DYNAMIC) {
            out.append(':').append(bracketed(forward.targetHost())).append(':').append(forward.targetPort());
        }
        return out.toString();
    }

    private static String bracketed(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
