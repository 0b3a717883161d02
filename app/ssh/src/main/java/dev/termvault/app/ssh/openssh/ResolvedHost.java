package dev.termvault.app.ssh.openssh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values OpenSSH would use for one host name, as read from ssh_config (see {@link SshConfigResolver}).
 * Unset values are null or empty: the caller applies OpenSSH's defaults.
 */
public final class ResolvedHost {

    private final String alias;
    private final Map<String, List<ConfigLine>> values;
    private final Path home;
    private final List<String> problems = new ArrayList<>();

    ResolvedHost(String alias, Map<String, List<ConfigLine>> values, Path home) {
        this.alias = alias;
        this.values = values;
        this.home = home;
    }

    /** The name the host was resolved for (the alias typed after {@code ssh}). */
    public String alias() {
        return alias;
    }

    /** Keywords that were set for this host, in lower case, in the order first met. */
    public List<ConfigLine> linesOf(String keyword) {
        return values.getOrDefault(keyword, List.of());
    }

    /** Things in this host's values that could not be fully honoured. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private String single(String keyword) {
        List<ConfigLine> lines = linesOf(keyword);
        return lines.isEmpty() ? null : lines.get(0).first();
    }

    /** HostName with {@code %h} and {@code %%} expanded, lower-cased as ssh does; the alias when unset. */
    public String hostname() {
        String raw = single("hostname");
        if (raw == null) {
            return alias.toLowerCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%' || i + 1 >= raw.length()) {
                out.append(c);
                continue;
            }
            char token = raw.charAt(++i);
            if (token == 'h') {
                out.append(alias);
            } else if (token == '%') {
                out.append('%');
            } else {
                problems.add("HostName token %" + token + " is not supported (only %h and %%); kept as written");
                out.append('%').append(token);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Port, 22 when unset or not a valid port. */
    public int port() {
        String raw = single("port");
        if (raw == null) {
            return 22;
        }
        try {
            int port = Integer.parseInt(raw);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("Port '" + raw + "' is not a valid port; 22 used");
        return 22;
    }

    /** User, or null when unset. */
    public String user() {
        return single("user");
    }

    /** IdentityFile values in order, with {@code ~} and the common {@code %} tokens expanded. */
    public List<Path> identityFiles() {
        List<Path> files = new ArrayList<>();
        for (ConfigLine line : linesOf("identityfile")) {
            String raw = line.first();
            if (raw.equalsIgnoreCase("none")) {
                continue;
            }
            files.add(Path.of(expandPath(raw)));
        }
        return files;
    }

    String expandPath(String raw) {
        String path = raw.equals("~") || raw.startsWith("~/") ? home + raw.substring(1) : raw;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%' || i + 1 >= path.length()) {
                out.append(c);
                continue;
            }
            char token = path.charAt(++i);
            switch (token) {
                case 'd' -> out.append(home);
                case 'h' -> out.append(hostname());
                case 'n' -> out.append(alias);
                case 'r' -> out.append(user() == null ? System.getProperty("user.name") : user());
                case 'u' -> out.append(System.getProperty("user.name"));
                case '%' -> out.append('%');
                default -> {
                    problems.add("Path token %" + token + " is not supported; kept as written");
                    out.append('%').append(token);
                }
            }
        }
        return out.toString();
    }

    /** ProxyJump as written, or null when unset or {@code none}. */
    public String proxyJump() {
        String raw = single("proxyjump");
        return raw == null || raw.equalsIgnoreCase("none") ? null : raw;
    }

    /** Each LocalForward line's arguments. */
    public List<List<String>> localForwards() {
        return linesOf("localforward").stream().map(ConfigLine::args).toList();
    }

    public List<List<String>> remoteForwards() {
        return linesOf("remoteforward").stream().map(ConfigLine::args).toList();
    }

    public List<List<String>> dynamicForwards() {
        return linesOf("dynamicforward").stream().map(ConfigLine::args).toList();
    }

    /** ServerAliveInterval in seconds, 0 when unset or invalid. */
    public int serverAliveInterval() {
        String raw = single("serveraliveinterval");
        if (raw == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(raw));
        } catch (NumberFormatException e) {
            problems.add("ServerAliveInterval '" + raw + "' is not a number; 0 used");
            return 0;
        }
    }

    public boolean identitiesOnly() {
        return yes(single("identitiesonly"));
    }

    public boolean forwardAgent() {
        return yes(single("forwardagent"));
    }

    private static boolean yes(String raw) {
        return raw != null && (raw.equalsIgnoreCase("yes") || raw.equalsIgnoreCase("true"));
    }

    /** An algorithm list keyword as written (HostKeyAlgorithms, PubkeyAcceptedAlgorithms...), or null. */
    public String algorithms(String keyword) {
        return single(keyword);
    }
}
