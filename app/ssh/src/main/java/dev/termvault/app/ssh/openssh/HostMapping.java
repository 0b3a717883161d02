package dev.termvault.app.ssh.openssh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.termvault.app.ssh.openssh.ImportReport.Subject;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.PortForward;

/** Turns the ssh_config values resolved for one name into the fields of a vault {@link Host}. */
final class HostMapping {

    /** Algorithm keywords whose {@code +} additions become the host's legacy algorithms. */
    static final List<String> ALGORITHM_KEYWORDS = List.of("hostkeyalgorithms", "pubkeyacceptedalgorithms",
            "pubkeyacceptedkeytypes", "kexalgorithms", "ciphers", "macs");

    /** Keywords an import reads; every other one is reported as skipped. */
    static final Set<String> UNDERSTOOD = Set.of("host", "match", "include", "hostname", "port", "user",
            "identityfile", "identitiesonly", "proxyjump", "localforward", "remoteforward", "dynamicforward",
            "serveraliveinterval", "hostkeyalgorithms", "pubkeyacceptedalgorithms",
            "pubkeyacceptedkeytypes", "kexalgorithms", "ciphers", "macs", "forwardagent", "setenv");

    private HostMapping() {
    }

    /** The host record for {@code resolved}, labelled {@code label}, with no key or jump links yet. */
    static Host toHost(String label, ResolvedHost resolved, String userOverride, int portOverride,
            ImportReport report) {
        String user = userOverride != null ? userOverride : resolved.user();
        int port = portOverride > 0 ? portOverride : resolved.port();
        AuthMethod auth = resolved.identitiesOnly() && !resolved.identityFiles().isEmpty()
                ? AuthMethod.KEY : AuthMethod.AUTO;
        Host host = new Host(label, resolved.hostname(), port, user, auth, null, null, List.of(),
                forwards(label, resolved, report), List.of(), null, "Imported from ssh_config",
                resolved.serverAliveInterval(), environment(label, resolved, report), resolved.forwardAgent(),
                legacyAlgorithms(label, resolved, report));
        resolved.problems().forEach(p -> report.note(Subject.CONFIG, label, ImportReason.MALFORMED, p));
        return host;
    }

    static List<PortForward> forwards(String label, ResolvedHost resolved, ImportReport report) {
        List<PortForward> forwards = new ArrayList<>();
        add(forwards, PortForward.Kind.LOCAL, resolved.localForwards(), label, report);
        add(forwards, PortForward.Kind.REMOTE, resolved.remoteForwards(), label, report);
        add(forwards, PortForward.Kind.DYNAMIC, resolved.dynamicForwards(), label, report);
        return forwards;
    }

    private static void add(List<PortForward> out, PortForward.Kind kind, List<List<String>> specs, String label,
            ImportReport report) {
        for (List<String> args : specs) {
            try {
                out.add(ForwardSpec.parse(kind, args));
            } catch (ForwardSpec.Unsupported | IllegalArgumentException e) {
                String forward = kind.name().toLowerCase(java.util.Locale.ROOT) + " forward " + String.join(" ", args);
                report.skipped(Subject.CONFIG, label + ": " + forward, ImportReason.UNSUPPORTED, e.getMessage());
            }
        }
    }

    static List<String> legacyAlgorithms(String label, ResolvedHost resolved, ImportReport report) {
        List<String> legacy = new ArrayList<>();
        for (String keyword : ALGORITHM_KEYWORDS) {
            String value = resolved.algorithms(keyword);
            if (value == null) {
                continue;
            }
            if (value.startsWith("+")) {
                for (String name : value.substring(1).split(",")) {
                    if (!name.isBlank() && !legacy.contains(name.strip())) {
                        legacy.add(name.strip());
                    }
                }
            } else {
                report.skipped(Subject.CONFIG, label + ": " + keyword + " " + value, ImportReason.UNSUPPORTED,
                        "only '+' additions to the default algorithms are imported (as legacy algorithms)");
            }
        }
        return legacy;
    }

    private static Map<String, String> environment(String label, ResolvedHost resolved, ImportReport report) {
        Map<String, String> env = new LinkedHashMap<>();
        for (ConfigLine line : resolved.linesOf("setenv")) {
            for (String pair : line.args()) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    env.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1));
                } else {
                    report.skipped(Subject.CONFIG, label + ": SetEnv " + pair, ImportReason.MALFORMED, "not NAME=VALUE");
                }
            }
        }
        return env;
    }
}
