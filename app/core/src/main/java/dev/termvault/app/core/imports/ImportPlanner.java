package dev.termvault.app.core.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.core.imports.ImportRow.Action;
import dev.termvault.app.core.imports.ImportRow.Kind;
import dev.termvault.app.core.imports.PlannedImport.HostStep;
import dev.termvault.app.core.imports.PlannedImport.KeyStep;
import dev.termvault.app.core.imports.PlannedImport.KnownHostStep;
import dev.termvault.app.ssh.keys.PassphrasePrompt;
import dev.termvault.app.ssh.openssh.ImportPlan;
import dev.termvault.app.ssh.openssh.ImportReason;
import dev.termvault.app.ssh.openssh.ImportReport;
import dev.termvault.app.ssh.openssh.KnownHostsImporter;
import dev.termvault.app.ssh.openssh.PlannedHost;
import dev.termvault.app.ssh.openssh.SshConfigImporter;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.KnownHost;

/** Works out one {@link PlannedImport}: reads the files (asking no passphrase) and compares with the vault. */
final class ImportPlanner {

    private final VaultContents existing;
    private final List<ImportRow> rows = new ArrayList<>();
    private final List<KeyStep> configKeys = new ArrayList<>();
    private final List<HostStep> hosts = new ArrayList<>();
    private final List<KeyStep> otherKeys = new ArrayList<>();
    private final List<KnownHostStep> knownHosts = new ArrayList<>();
    private final Map<Path, KeyFiles.Look> looks = new HashMap<>();

    ImportPlanner(VaultContents existing) {
        this.existing = existing;
    }

    PlannedImport plan(ImportSources sources) {
        requireFile(sources.sshConfig(), "ssh_config");
        requireFile(sources.knownHosts(), "known_hosts");
        sources.keyFiles().forEach(file -> requireFile(file, "key"));
        if (sources.sshConfig() != null) {
            planConfig(sources.sshConfig(), sources.home());
        }
        for (Path file : sources.keyFiles()) {
            if (!looks.containsKey(file)) {
                planKey(file, otherKeys);
            }
        }
        if (sources.knownHosts() != null) {
            planKnownHosts(sources.knownHosts());
        }
        return new PlannedImport(rows, new PlannedImport.Steps(configKeys, hosts, otherKeys, knownHosts),
                sources.recordKinds());
    }

    private static void requireFile(Path file, String what) {
        if (file != null && !Files.isRegularFile(file)) {
            throw new CoreException.NotFound("There is no " + what + " file " + file + ".");
        }
    }

    private void planConfig(Path config, Path home) {
        ImportPlan plan = new SshConfigImporter(config, home).plan(false, PassphrasePrompt.NONE);
        Set<Path> keyFiles = new LinkedHashSet<>();
        for (PlannedHost host : plan.hosts()) {
            if (host.keyFile() != null) {
                keyFiles.add(normal(host.keyFile()));
            }
        }
        keyFiles.forEach(file -> looks.put(file, KeyFiles.look(file)));
        plan.hosts().forEach(this::planHost);
        keyFiles.forEach(file -> planKey(file, configKeys));
        for (ImportReport.Entry entry : plan.report().entries()) {
            if (entry.outcome() != ImportReport.Outcome.IMPORTED) {
                rows.add(ReportRows.row(entry));
            }
        }
    }

    private void planHost(PlannedHost planned) {
        boolean withoutKey = !planned.resolved().identityFiles().isEmpty() && !keyUsable(planned.keyFile());
        ImportRow row;
        if (existing.hostId(planned.label()) != null) {
            row = new ImportRow(Kind.HOST, planned.label(), Action.KEEP, ImportReason.ALREADY_IN_VAULT,
                    "a host with this label is already in the vault; it is left as it is");
        } else {
            row = new ImportRow(Kind.HOST, planned.label(), Action.ADD, withoutKey ? ImportReason.WITHOUT_KEY : ImportReason.NEW,
                    describe(planned, !withoutKey));
        }
        hosts.add(new HostStep(add(row), planned));
    }

    private boolean keyUsable(Path keyFile) {
        if (keyFile == null) {
            return false;
        }
        KeyFiles.State state = looks.get(normal(keyFile)).state();
        return state == KeyFiles.State.READABLE || state == KeyFiles.State.NEEDS_PASSPHRASE;
    }

    /** "deploy@web.example.com:22 via bastion, key id_web, 1 forward(s)". */
    static String describe(PlannedHost planned, boolean withKey) {
        Host host = planned.host();
        StringBuilder text = new StringBuilder(host.username() == null ? "" : host.username() + "@")
                .append(host.hostname()).append(':').append(host.port());
        if (!planned.jumpLabels().isEmpty()) {
            text.append(" via ").append(String.join(" -> ", planned.jumpLabels()));
        }
        if (withKey && planned.keyFile() != null) {
            text.append(", key ").append(planned.keyFile().getFileName());
        } else if (!planned.resolved().identityFiles().isEmpty()) {
            text.append(", without a key (its key file cannot be imported)");
        }
        if (!host.forwards().isEmpty()) {
            text.append(", ").append(host.forwards().size()).append(" forward(s)");
        }
        return text.toString();
    }

    private void planKey(Path file, List<KeyStep> steps) {
        KeyFiles.Look look = looks.computeIfAbsent(file, KeyFiles::look);
        String reference = file.toString();
        ImportRow row = switch (look.state()) {
            case MISSING -> new ImportRow(Kind.KEY, reference, Action.SKIP, ImportReason.FILE_MISSING, look.problem());
            case UNREADABLE -> new ImportRow(Kind.KEY, reference, Action.SKIP, ImportReason.KEY_UNREADABLE, look.problem());
            case READABLE, NEEDS_PASSPHRASE -> existing.keyId(look.publicKey()) != null
                    ? new ImportRow(Kind.KEY, reference, Action.KEEP, ImportReason.ALREADY_IN_VAULT,
                            "already in the vault (same public key); the existing record is used")
                    : look.state() == KeyFiles.State.READABLE
                            ? new ImportRow(Kind.KEY, reference, Action.ADD, ImportReason.NEW, "read when importing")
                            : new ImportRow(Kind.KEY, reference, Action.ADD, ImportReason.NEEDS_PASSPHRASE,
                                    "protected by a passphrase, which is asked when importing");
        };
        int index = add(row);
        if (row.action() != Action.SKIP) {
            steps.add(new KeyStep(index, file, look.publicKey(), row.action() == Action.ADD));
        }
    }

    private void planKnownHosts(Path file) {
        KnownHostsImporter.Result result;
        try {
            result = KnownHostsImporter.read(file);
        } catch (IOException e) {
            throw new CoreException.Unreadable("The file " + file + " could not be read.");
        }
        VaultContents earlier = VaultContents.empty();
        for (KnownHost knownHost : result.knownHosts()) {
            String reference = knownHost.displayName();
            if (!earlier.addKnownHost(knownHost)) {
                add(new ImportRow(Kind.KNOWN_HOST, reference, Action.SKIP, ImportReason.DUPLICATE,
                        "the same host key is earlier in the file"));
            } else if (existing.hasKnownHost(knownHost)) {
                knownHosts.add(new KnownHostStep(add(new ImportRow(Kind.KNOWN_HOST, reference, Action.KEEP,
                        ImportReason.ALREADY_IN_VAULT, "already in the vault")), knownHost));
            } else {
                knownHosts.add(new KnownHostStep(add(new ImportRow(Kind.KNOWN_HOST, reference, Action.ADD,
                        ImportReason.NEW, describe(knownHost))), knownHost));
            }
        }
        for (ImportReport.Entry entry : result.report().entries()) {
            if (entry.outcome() != ImportReport.Outcome.IMPORTED) {
                rows.add(ReportRows.row(entry));
            }
        }
    }

    private static String describe(KnownHost knownHost) {
        return knownHost.keyType() + (knownHost.hostPattern().startsWith("|1|") ? ", hashed name (kept hashed)" : "")
                + (knownHost.revoked() ? ", revoked (always refused)" : "");
    }

    private int add(ImportRow row) {
        rows.add(row);
        return rows.size() - 1;
    }

    private static Path normal(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
