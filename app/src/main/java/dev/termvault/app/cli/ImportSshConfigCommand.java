package dev.termvault.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.termvault.app.ssh.keys.PassphrasePrompt;
import dev.termvault.app.ssh.openssh.ImportPlan;
import dev.termvault.app.ssh.openssh.RecordSink;
import dev.termvault.app.ssh.openssh.SshConfigImporter;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.SshKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code termvault import ssh-config FILE}: hosts, jump hosts and their keys from an ssh_config file. */
@Command(name = "ssh-config", description = {"Import the hosts of an OpenSSH config file (and the key files they"
        + " name).", "Hosts whose label is already in the vault are left as they are."})
final class ImportSshConfigCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The config file, usually ~/.ssh/config.")
    private Path file;

    @Option(names = "--dry-run", description = "Only print the hosts that would be created; needs no vault.")
    private boolean dryRun;

    @Option(names = "--json", description = "Print the hosts and the report as JSON.")
    private boolean json;

    @Option(names = "--passphrase-env", paramLabel = "VAR",
            description = "Read key file passphrases from this environment variable instead of the terminal.")
    private String passphraseEnv;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;
    private final CliContext context;

    ImportSshConfigCommand(VaultAccess access, CliContext context) {
        this.access = access;
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw CliException.notFound("There is no file " + file + ".");
        }
        Path home = Path.of(context.environment().getOrDefault("HOME", System.getProperty("user.home")));
        SshConfigImporter importer = new SshConfigImporter(file.toAbsolutePath(), home);
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            show(importer.plan(false, PassphrasePrompt.NONE), out);
            return ExitCodes.OK;
        }
        try (Vault vault = access.openUnlocked()) {
            ImportPlan plan = importer.plan(true, KeyCommands.prompt(context, passphraseEnv));
            plan.applyTo(sinkKeeping(vault, plan));
            show(plan, out);
        }
        return ExitCodes.OK;
    }

    private void show(ImportPlan plan, PrintWriter out) {
        if (json) {
            out.println(ImportViews.json(plan, dryRun));
        } else {
            ImportViews.printHosts(plan, dryRun, out);
            ImportViews.printReport(plan.report(), out);
        }
        out.flush();
    }

    /** Writes to the vault, but keeps hosts whose label and keys whose public key are already there. */
    private static RecordSink<RuntimeException> sinkKeeping(Vault vault, ImportPlan plan) {
        Map<String, String> hostIds = new HashMap<>();
        Map<String, String> keyIds = new HashMap<>();
        Set<String> keyNames = new HashSet<>();
        for (VaultRecord record : vault.list(ItemType.HOST)) {
            hostIds.put(((Host) record.item()).label(), record.id());
        }
        for (VaultRecord record : vault.list(ItemType.SSH_KEY)) {
            SshKey key = (SshKey) record.item();
            keyIds.put(publicBlob(key), record.id());
            keyNames.add(key.name());
        }
        return item -> {
            if (item instanceof Host host && hostIds.containsKey(host.label())) {
                plan.report().skipped("host " + host.label(), "a host with this label is already in the vault;"
                        + " it was left as it is");
                return hostIds.get(host.label());
            }
            if (item instanceof SshKey key) {
                String existing = keyIds.get(publicBlob(key));
                if (existing != null) {
                    plan.report().note("key " + key.name(), "already in the vault; the existing record is used");
                    return existing;
                }
                String name = key.name();
                for (int n = 2; keyNames.contains(name); n++) {
                    name = key.name() + "-" + n;
                }
                keyNames.add(name);
                return vault.put(new SshKey(name, key.privateKey(), key.publicKey(), key.comment(), key.keyType())).id();
            }
            return vault.put(item).id();
        };
    }

    private static String publicBlob(SshKey key) {
        String[] fields = key.publicKey() == null ? new String[0] : key.publicKey().split(" ");
        return fields.length >= 2 ? fields[0] + " " + fields[1] : String.valueOf(key.publicKey());
    }
}
