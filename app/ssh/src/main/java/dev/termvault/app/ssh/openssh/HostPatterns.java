package dev.termvault.app.ssh.openssh;

import java.util.List;

/** OpenSSH's host pattern matching: {@code *} and {@code ?} wildcards, {@code !} negation. */
final class HostPatterns {

    private HostPatterns() {
    }

    /** Whether a Host line with {@code patterns} applies to {@code host}: one pattern matches, no negated one. */
    static boolean hostLineMatches(String host, List<String> patterns) {
        boolean matched = false;
        for (String pattern : patterns) {
            boolean negated = pattern.startsWith("!");
            if (matches(host, negated ? pattern.substring(1) : pattern)) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    /** A pattern that names one host: no wildcard, no negation. */
    static boolean isConcrete(String pattern) {
        return !pattern.startsWith("!") && pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
    }

    /** Glob match as OpenSSH's match_pattern does it (case-sensitive). */
    static boolean matches(String s, String pattern) {
        return matches(s, 0, pattern, 0);
    }

    private static boolean matches(String s, int si, String p, int pi) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (matches(s, k, p, pi)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || (c != '?' && c != s.charAt(si))) {
                return false;
            }
            si++;
            pi++;
        }
        return si == s.length();
    }
}
