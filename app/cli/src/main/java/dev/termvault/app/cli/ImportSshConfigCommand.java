package dev.termvault.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.termvault.app.ssh.keys.PassphrasePrompt;
import dev.termvault.app.ssh.openssh.ImportPlan;
import dev.termvault.app.ssh.openssh.SshConfigImporter;
import dev.termvault.app.ssh.openssh.VaultImports;
import dev.termvault.vault.Vault;
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
            plan.applyTo(VaultImports.sinkKeeping(vault, plan.report()));
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
}
