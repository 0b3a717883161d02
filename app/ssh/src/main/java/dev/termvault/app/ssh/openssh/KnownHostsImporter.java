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
 * (comma-separated names, {@code [host]:port}); hashed {@code |1|salt|hash} names are kept hashed;
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
        for (String name : names.split(",")) {
            addName(where, name, keyType, key, firstSeen, revoked, out, report);
        }
    }

    private static void addName(String where, String name, String keyType, String key, Instant firstSeen,
            boolean revoked, List<KnownHost> out, ImportReport report) {
        if (name.isEmpty()) {
            return;
        }
        if (name.startsWith("!")) {
            report.skipped(Subject.KNOWN_HOST, where + ": " + name, ImportReason.UNSUPPORTED,
                    "negated host patterns are not imported");
            return;
        }
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
        out.add(new KnownHost(host, port, keyType, key, firstSeen, revoked));
        report.imported(Subject.KNOWN_HOST, displayName(host, port), keyType + (revoked ? " (revoked)" : ""));
    }

    private static String displayName(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }
}
