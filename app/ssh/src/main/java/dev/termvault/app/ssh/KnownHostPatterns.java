package dev.termvault.app.ssh;

import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.sshd.client.config.hosts.KnownHostHashValue;

import dev.termvault.vault.model.KnownHost;

/**
 * Matches a KnownHost record's host pattern against a host and port the way OpenSSH reads known_hosts:
 * a comma-separated list of names, {@code *}/{@code ?} wildcards, {@code !negations}, {@code [host]:port}
 * entries and hashed {@code |1|salt|hash} entries.
 */
public final class KnownHostPatterns {

    private KnownHostPatterns() {
    }

    public static boolean matches(KnownHost record, String hostname, int port) {
        boolean matched = false;
        for (String raw : record.hostPattern().split(",")) {
            String pattern = raw.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean negated = pattern.startsWith("!");
            if (negated) {
                pattern = pattern.substring(1);
            }
            if (matchesOne(pattern, record.port(), hostname, port)) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    /**
     * The host pattern without its {@code !exclusions}: what the record names, e.g. {@code *.corp} for
     * {@code *.corp,!secret.corp}.
     */
    public static String withoutExclusions(String hostPattern) {
        StringBuilder names = new StringBuilder();
        for (String raw : hostPattern.split(",")) {
            String pattern = raw.strip();
            if (!pattern.isEmpty() && !pattern.startsWith("!")) {
                names.append(names.isEmpty() ? "" : ",").append(pattern);
            }
        }
        return names.toString();
    }

    private static boolean matchesOne(String pattern, int recordPort, String hostname, int port) {
        if (pattern.startsWith("|1|")) {
            KnownHostHashValue hashed = KnownHostHashValue.parse(pattern);
            return hashed != null && hashed.isHostMatch(hostname, port);
        }
        int patternPort = recordPort <= 0 ? 22 : recordPort;
        if (pattern.startsWith("[")) {
            int close = pattern.indexOf("]:");
            if (close < 0) {
                return false;
            }
            try {
                patternPort = Integer.parseInt(pattern.substring(close + 2));
            } catch (NumberFormatException e) {
                return false;
            }
            pattern = pattern.substring(1, close);
        }
        return patternPort == port && wildcard(pattern).matcher(hostname.toLowerCase(Locale.ROOT)).matches();
    }

    private static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
