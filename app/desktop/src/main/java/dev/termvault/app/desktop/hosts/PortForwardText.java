package dev.termvault.app.desktop.hosts;

import dev.termvault.vault.model.PortForward;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Port forwards written the way ssh takes them on its command line, one per line:
 * {@code -L [bind_address:]port:host:hostport}, {@code -R [bind_address:]port:host:hostport} and
 * {@code -D [bind_address:]port}. IPv6 addresses go in square brackets.
 */
public final class PortForwardText {

    private PortForwardText() {
    }

    /** Every forward in {@code text}, one per non-blank line. */
    public static List<PortForward> parseAll(String text) {
        List<PortForward> forwards = new ArrayList<>();
        if (text == null) {
            return forwards;
        }
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                forwards.add(parse(lines.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Forward on line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return forwards;
    }

    /** The forwards as lines of text, one per forward. */
    public static String formatAll(List<PortForward> forwards) {
        return String.join("\n", forwards.stream().map(PortForwardText::format).toList());
    }

    /**
     * One forward from its line.
     *
     * @throws IllegalArgumentException with a message a person can act on
     */
    public static PortForward parse(String line) {
        String text = line.strip();
        int space = text.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("write -L, -R or -D, a space, then the forward");
        }
        String flag = text.substring(0, space).toUpperCase(Locale.ROOT);
        String spec = text.substring(space + 1).strip();
        PortForward.Kind kind = switch (flag) {
            case "-L", "L" -> PortForward.Kind.LOCAL;
            case "-R", "R" -> PortForward.Kind.REMOTE;
            case "-D", "D" -> PortForward.Kind.DYNAMIC;
            default -> throw new IllegalArgumentException("'" + text.substring(0, space)
                    + "' is not -L (local), -R (remote) or -D (dynamic)");
        };
        if (spec.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a forward has no spaces after " + flag);
        }
        List<String> parts = split(spec);
        if (kind == PortForward.Kind.DYNAMIC) {
            if (parts.size() > 2) {
                throw new IllegalArgumentException("-D takes [bind_address:]port");
            }
            String bind = parts.size() == 2 ? address(parts.get(0), "bind address") : null;
            return new PortForward(kind, bind, port(parts.get(parts.size() - 1), "listen port", false), null, 0);
        }
        if (parts.size() != 3 && parts.size() != 4) {
            throw new IllegalArgumentException(flag + " takes [bind_address:]port:host:hostport");
        }
        int at = parts.size() - 3;
        String bind = at == 1 ? address(parts.get(0), "bind address") : null;
        int listen = port(parts.get(at), "listen port", kind == PortForward.Kind.REMOTE);
        String host = address(parts.get(at + 1), "target host");
        int target = port(parts.get(at + 2), "target port", false);
        return new PortForward(kind, bind, listen, host, target);
    }

    /** The line for one forward, as {@link #parse} reads it. */
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

    /** Splits at colons outside square brackets; brackets are removed. */
    private static List<String> split(String spec) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean inBrackets = false;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '[' && !inBrackets && part.isEmpty()) {
                inBrackets = true;
            } else if (c == ']' && inBrackets) {
                inBrackets = false;
                if (i + 1 < spec.length() && spec.charAt(i + 1) != ':') {
                    throw new IllegalArgumentException("']' must be followed by ':'");
                }
            } else if (c == ':' && !inBrackets) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (inBrackets) {
            throw new IllegalArgumentException("a '[' is not closed");
        }
        parts.add(part.toString());
        return parts;
    }

    private static String address(String text, String what) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " is empty (write * for every address)");
        }
        return text;
    }

    private static int port(String text, String what, boolean zeroAllowed) {
        if (!text.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("the " + what + " '" + text + "' is not a number");
        }
        int value = Integer.parseInt(text);
        int lowest = zeroAllowed ? 0 : 1;
        if (value < lowest || value > 65535) {
            throw new IllegalArgumentException("the " + what + " must be from " + lowest + " to 65535");
        }
        return value;
    }
}
