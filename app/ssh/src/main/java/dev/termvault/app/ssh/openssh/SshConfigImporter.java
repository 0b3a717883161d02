package dev.termvault.app.ssh.openssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.termvault.app.ssh.keys.PassphrasePrompt;
import dev.termvault.app.ssh.keys.SshKeyException;
import dev.termvault.app.ssh.keys.SshKeyRecords;
import dev.termvault.app.ssh.openssh.ImportReport.Subject;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.SshKey;

/**
 * Plans the import of an ssh_config file: every concrete Host alias becomes a host record (label = alias)
 * with the values OpenSSH would use for it; ProxyJump hops become host records too; the first IdentityFile
 * of each host is read as a key record. Wildcard-only blocks only contribute defaults. Everything skipped is
 * in the plan's report with the reason.
 */
public final class SshConfigImporter {

    private final SshConfigResolver resolver;
    private final ImportReport report = new ImportReport();
    private final Map<String, PlannedHost> hosts = new LinkedHashMap<>();
    private final Map<Path, SshKey> keys = new LinkedHashMap<>();
    private final Set<Path> failedKeys = new HashSet<>();

    /**
     * @param configFile the ssh_config file
     * @param home       the home directory ({@code ~}, and {@code ~/.ssh} for relative Include paths)
     */
    public SshConfigImporter(Path configFile, Path home) {
        this.resolver = new SshConfigResolver(configFile, home, report);
    }

    /**
     * Reads the config and plans the records.
     *
     * @param readKeys read the key files (asking {@code prompt} for passphrases); false for a dry run, which
     *                 only checks the files exist
     */
    public ImportPlan plan(boolean readKeys, PassphrasePrompt prompt) {
        List<String> aliases = scanLines();
        Deque<String> pendingJumps = new ArrayDeque<>();
        for (String alias : aliases) {
            planHost(alias, alias, null, 0, readKeys, prompt, pendingJumps);
        }
        flattenJumpChains();
        return new ImportPlan(order(), keys, report);
    }

    /**
     * Gives every host its whole chain, as OpenSSH walks it: for {@code ProxyJump a,b}, ssh reaches {@code a}
     * with a's own configuration (so a's jump hosts come first) and the later hops directly. The engine hops
     * through a host's list as it is, so the list holds the full chain, first hop first.
     */
    private void flattenJumpChains() {
        Map<String, List<String>> chains = new LinkedHashMap<>();
        for (String label : hosts.keySet()) {
            chain(label, chains, new HashSet<>());
        }
        chains.forEach((label, chain) -> {
            PlannedHost planned = hosts.get(label);
            hosts.put(label, new PlannedHost(planned.host(), planned.keyFile(), chain, planned.resolved()));
        });
    }

    private List<String> chain(String label, Map<String, List<String>> chains, Set<String> visiting) {
        List<String> known = chains.get(label);
        if (known != null) {
            return known;
        }
        List<String> direct = hosts.get(label).jumpLabels();
        List<String> chain = new ArrayList<>();
        if (!direct.isEmpty() && visiting.add(label)) {
            for (String hop : chain(direct.get(0), chains, visiting)) {
                if (!chain.contains(hop) && !hop.equals(label)) {
                    chain.add(hop);
                }
            }
            for (String hop : direct) {
                if (!chain.contains(hop)) {
                    chain.add(hop);
                }
            }
            visiting.remove(label);
        }
        chains.put(label, List.copyOf(chain));
        return chains.get(label);
    }

    /** Reports the lines an import does not use and returns the concrete aliases, in order. */
    private List<String> scanLines() {
        Set<String> aliases = new LinkedHashSet<>();
        Set<String> reported = new HashSet<>();
        for (ConfigLine line : resolver.allLines()) {
            switch (line.keyword()) {
                case "host" -> {
                    List<String> concrete = line.args().stream().filter(HostPatterns::isConcrete).toList();
                    if (concrete.isEmpty()) {
                        report.note(Subject.CONFIG, "Host " + String.join(" ", line.args()) + " (" + line.where()
                                + ")", ImportReason.NOT_A_HOST,
                                "wildcard-only block: its values are used as defaults, it is not a host");
                    }
                    aliases.addAll(concrete);
                }
                case "match" -> report.skipped(Subject.CONFIG, "Match " + String.join(" ", line.args()) + " ("
                        + line.where() + ")", ImportReason.NOT_EVALUATED,
                        "Match blocks are not evaluated; their lines are not imported");
                case "proxycommand" -> report.skipped(Subject.CONFIG, "ProxyCommand (" + line.where() + ")",
                        ImportReason.UNSUPPORTED, "runs a local program; Termvault connects through ProxyJump hosts only");
                default -> {
                    if (!HostMapping.UNDERSTOOD.contains(line.keyword()) && reported.add(line.keyword())) {
                        report.skipped(Subject.CONFIG, line.keyword() + " (first at " + line.where() + ")",
                                ImportReason.UNSUPPORTED, "unsupported keyword: Termvault has no setting for it");
                    }
                }
            }
        }
        return new ArrayList<>(aliases);
    }

    private void planHost(String label, String name, String user, int port, boolean readKeys,
            PassphrasePrompt prompt, Deque<String> visiting) {
        if (hosts.containsKey(label) || visiting.contains(label)) {
            return;
        }
        visiting.push(label);
        ResolvedHost resolved = resolver.resolve(name);
        Host host = HostMapping.toHost(label, resolved, user, port, report);
        Path keyFile = keyFile(label, resolved, readKeys, prompt);
        List<String> jumps = jumpLabels(label, resolved, readKeys, prompt, visiting);
        hosts.put(label, new PlannedHost(host, keyFile, jumps, resolved));
        visiting.pop();
        report.imported(Subject.HOST, label, host.hostname() + ":" + host.port()
                + (host.username() == null ? "" : " as " + host.username()));
    }

    private List<String> jumpLabels(String label, ResolvedHost resolved, boolean readKeys, PassphrasePrompt prompt,
            Deque<String> visiting) {
        String proxyJump = resolved.proxyJump();
        if (proxyJump == null) {
            return List.of();
        }
        List<String> labels = new ArrayList<>();
        try {
            for (JumpSpec hop : JumpSpec.parseChain(proxyJump)) {
                boolean plainAlias = hop.user() == null && hop.port() == 0;
                String hopLabel = plainAlias ? hop.host() : hop.spec();
                if (visiting.contains(hopLabel)) {
                    report.skipped(Subject.CONFIG, label + ": jump host " + hopLabel, ImportReason.LOOP,
                            "jump hosts loop back to this host");
                    continue;
                }
                planHost(hopLabel, hop.host(), hop.user(), hop.port(), readKeys, prompt, visiting);
                labels.add(hopLabel);
            }
        } catch (ForwardSpec.Unsupported e) {
            report.skipped(Subject.CONFIG, label + ": ProxyJump " + proxyJump, ImportReason.UNSUPPORTED, e.getMessage());
        }
        return labels;
    }

    private Path keyFile(String label, ResolvedHost resolved, boolean readKeys, PassphrasePrompt prompt) {
        List<Path> files = resolved.identityFiles();
        if (files.isEmpty()) {
            return null;
        }
        for (Path extra : files.subList(1, files.size())) {
            report.note(Subject.CONFIG, label + ": IdentityFile " + extra, ImportReason.ONLY_FIRST_USED,
                    "only the first IdentityFile is used for a host");
        }
        Path file = files.get(0);
        if (keys.containsKey(file)) {
            return file;
        }
        if (failedKeys.contains(file)) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            failedKeys.add(file);
            report.skipped(Subject.KEY_FILE, file.toString(), ImportReason.FILE_MISSING,
                    "missing key file (host " + label + " is imported without a key)");
            return null;
        }
        if (!readKeys) {
            report.imported(Subject.KEY_FILE, file.toString(), "would be read");
            return file;
        }
        return readKey(label, file, prompt);
    }

    private Path readKey(String label, Path file, PassphrasePrompt prompt) {
        String withoutKey = " (host " + label + " is imported without a key)";
        try {
            SshKey key = SshKeyRecords.readFile(file, keyName(file), prompt);
            keys.put(file, key);
            report.imported(Subject.KEY_FILE, file.toString(), key.keyType() + " as key '" + key.name() + "'");
            return file;
        } catch (SshKeyException.PassphraseRequired e) {
            report.skipped(Subject.KEY_FILE, file.toString(), ImportReason.NO_PASSPHRASE, e.getMessage() + withoutKey);
        } catch (SshKeyException e) {
            report.skipped(Subject.KEY_FILE, file.toString(), ImportReason.KEY_UNREADABLE, e.getMessage() + withoutKey);
        } catch (IOException e) {
            report.skipped(Subject.KEY_FILE, file.toString(), ImportReason.FILE_UNREADABLE, "could not be read" + withoutKey);
        }
        failedKeys.add(file);
        return null;
    }

    private String keyName(Path file) {
        String base = file.getFileName().toString();
        String name = base;
        int n = 2;
        while (nameTaken(name, file)) {
            name = base + "-" + n++;
        }
        return name;
    }

    private boolean nameTaken(String name, Path file) {
        return keys.entrySet().stream().anyMatch(e -> !e.getKey().equals(file) && e.getValue().name().equals(name));
    }

    /** The planned hosts with every jump host before the hosts that hop through it. */
    private List<PlannedHost> order() {
        List<PlannedHost> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String label : hosts.keySet()) {
            visit(label, done, ordered);
        }
        return ordered;
    }

    private void visit(String label, Set<String> done, List<PlannedHost> ordered) {
        if (!done.add(label)) {
            return;
        }
        PlannedHost host = hosts.get(label);
        host.jumpLabels().forEach(jump -> visit(jump, done, ordered));
        ordered.add(host);
    }
}
