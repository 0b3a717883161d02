package dev.termvault.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.termvault.app.core.imports.ImportSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code termvault import ssh-config FILE}: hosts, jump hosts and their keys from an ssh_config file. */
@Command(name = "ssh-config", description = {"Import the hosts of an OpenSSH config file (and the key files they"
        + " name).", "Hosts whose label is already in the vault and keys already there are left as they are."})
final class ImportSshConfigCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The config file, usually ~/.ssh/config.")
    private Path file;

    @Mixin
    private ImportOptions options;

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
        return ImportViews.run(access, ImportSources.sshConfig(file, ImportViews.home(context)), options,
                () -> KeyCommands.prompt(context, passphraseEnv), spec.commandLine().getOut());
    }
}
