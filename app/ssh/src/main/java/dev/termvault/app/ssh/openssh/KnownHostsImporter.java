package dev.termvault.app.ssh.openssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.termvault.app.ssh.keys.PublicKeyLine;
import dev.termvault.app.ssh.openssh.ImportReport.Subject;
import dev.termvault.app.ssh.keys.SshKeyException;
import dev.termvault.vault.model.KnownHost;
import org.apache.sshd.client.config.hosts.KnownHostHashValue;

/**
 * Reads an OpenSSH known_hosts file into {@link KnownHost} records: one record per host name of a line
 * (comma-separated names, {@code [host]:port}); hashed {@code |1|salt|hash} names are kept hashed; negated
 * names ({@code *.corp,!secret.corp}) are kept in each record's host pattern, so the record never matches the
 * excluded host ({@link dev.termvault.app.ssh.KnownHostPatterns} honours them);
 * {@code @revoked} lines become revoked records; {@code @cert-authority} lines, comments and bad lines are
 * reported, never fatal.
 */
public final class KnownHostsImporter {

    /**
     * What reading a known_hosts file gave.
     *
     * @param knownHosts the records, in file order
     * @param report     what was imported and skipped
     */
    public record Result(List<KnownHost> knownHosts, ImportReport report) {
    }

    private KnownHostsImporter() {
    }

    public static Result read(Path file) throws IOException {
        return read(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8),
                Files.getLastModifiedTime(file).toInstant());
    }

    /**
     * @param name      the file's name for the report
     * @param lines     its lines
     * @param firstSeen the time recorded as first seen (the file's modification time)
     */
    public static Result read(String name, List<String> lines, Instant firstSeen) {
        ImportReport report = new ImportReport();
        List<KnownHost> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            readLine(name + " line " + (i + 1), line, firstSeen, out, report);
        }
        return new Result(List.copyOf(out), report);
    }

    private static void readLine(String where, String line, Instant firstSeen, List<KnownHost> out,
            ImportReport report) {
        String[] fields = line.split("\\s+", 4);
        boolean revoked = false;
        int next = 0;
        if (fields[0].startsWith("@")) {
            String marker = fields[0].toLowerCase(Locale.ROOT);
            if (marker.equals("@cert-authority")) {
                report.skipped(Subject.KNOWN_HOST, where, ImportReason.UNSUPPORTED,
                        "@cert-authority lines (host certificates) are not supported");
                return;
            }
            if (!marker.equals("@revoked")) {
                report.skipped(Subject.KNOWN_HOST, where, ImportReason.UNSUPPORTED, "unknown marker " + fields[0]);
                return;
            }
            revoked = true;
            fields = line.split("\\s+", 5);
            next = 1;
        }
        if (fields.length < next + 3) {
            report.skipped(Subject.KNOWN_HOST, where, ImportReason.MALFORMED,
                    "bad line: expected host names, a key type and a key");
            return;
        }
        String names = fields[next];
        String keyType = fields[next + 1];
        String key = fields[next + 2];
        try {
            PublicKeyLine parsed = PublicKeyLine.parse(keyType + " " + key);
            if (parsed.key() == null) {
                throw new SshKeyException.InvalidKeyFile("no key");
            }
        } catch (SshKeyException e) {
            report.skipped(Subject.KNOWN_HOST, where, ImportReason.MALFORMED,
                    "bad line: not a valid key (type '" + keyType + "')");
            return;
        }
        addLine(where, names, new Key(keyType, key, firstSeen, revoked), out, report);
    }

    /** One record per host name of the line, each keeping the line's exclusions that can apply to it. */
    private static void addLine(String where, String names, Key key, List<KnownHost> out, ImportReport report) {
        List<String> exclusions = new ArrayList<>();
        List<String> hostNames = new ArrayList<>();
        for (String name : names.split(",")) {
            if (name.startsWith("!") && name.length() > 1) {
                exclusions.add(name.substring(1));
            } else if (!name.isEmpty() && !name.equals("!")) {
                hostNames.add(name);
            }
        }
        if (hostNames.isEmpty()) {
            report.skipped(Subject.KNOWN_HOST, where, ImportReason.MALFORMED,
                    "only negated host names: matches no host");
            return;
        }
        for (String name : hostNames) {
            addName(where, name, exclusions, key, out, report);
        }
    }

    /** The key part of a line. */
    private record Key(String type, String base64, Instant firstSeen, boolean revoked) {
    }

    private static void addName(String where, String name, List<String> exclusions, Key key, List<KnownHost> out,
            ImportReport report) {
        String host = name;
        int port = 22;
        if (name.startsWith("|")) {
            if (KnownHostHashValue.parse(name) == null || !name.startsWith("|1|")) {
                report.skipped(Subject.KNOWN_HOST, where, ImportReason.MALFORMED, "bad hashed host name");
                return;
            }
        } else if (name.startsWith("[")) {
            int close = name.indexOf("]:");
            try {
                host = name.substring(1, close);
                port = Integer.parseInt(name.substring(close + 2));
            } catch (RuntimeException e) {
                report.skipped(Subject.KNOWN_HOST, where + ": " + name, ImportReason.MALFORMED, "bad [host]:port");
                return;
            }
        }
        List<String> applying = exclusionsFor(port, exclusions);
        String pattern = applying.isEmpty() ? host : host + ",!" + String.join(",!", applying);
        out.add(new KnownHost(pattern, port, key.type(), key.base64(), key.firstSeen(), key.revoked()));
        report.imported(Subject.KNOWN_HOST, displayName(host, port), key.type() + (key.revoked() ? " (revoked)" : "")
                + (applying.isEmpty() ? "" : " (not for " + String.join(", ", applying) + ")"));
    }

    /**
     * The line's negated names that can exclude a host on {@code port}, kept as written: OpenSSH matches a
     * plain name on port 22 and {@code [name]:port} on that port, so an exclusion for another port than the
     * record's could never match it; a hashed name carries its port inside and is always kept.
     */
    private static List<String> exclusionsFor(int port, List<String> exclusions) {
        List<String> applying = new ArrayList<>();
        for (String exclusion : exclusions) {
            int exclusionPort = 22;
            if (exclusion.startsWith("[")) {
                int close = exclusion.indexOf("]:");
                try {
                    exclusionPort = Integer.parseInt(exclusion.substring(close + 2));
                } catch (RuntimeException e) {
                    exclusionPort = -1;
                }
            }
            if (exclusion.startsWith("|") || exclusionPort == port) {
                applying.add(exclusion);
            }
        }
        return applying;
    }

    private static String displayName(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }
}
