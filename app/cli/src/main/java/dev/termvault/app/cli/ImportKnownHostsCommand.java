package dev.termvault.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.termvault.app.core.imports.ImportSources;
import dev.termvault.app.ssh.keys.PassphrasePrompt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code termvault import known-hosts FILE}: host keys from an OpenSSH known_hosts file. */
@Command(name = "known-hosts", description = {"Import the host keys of an OpenSSH known_hosts file.",
        "Host keys already in the vault are not added twice."})
final class ImportKnownHostsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The file, usually ~/.ssh/known_hosts.")
    private Path file;

    @Mixin
    private ImportOptions options;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;
    private final CliContext context;

    ImportKnownHostsCommand(VaultAccess access, CliContext context) {
        this.access = access;
        this.context = context;
    }

    @Override
    public Integer call() {
        return ImportViews.run(access, ImportSources.knownHosts(file, ImportViews.home(context)), options,
                () -> PassphrasePrompt.NONE, spec.commandLine().getOut());
    }
}
