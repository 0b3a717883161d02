package dev.termvault.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code termvault import ...}: bring records in from OpenSSH's files. */
@Command(name = "import", description = "Import hosts and known host keys from OpenSSH files.",
        subcommands = {
            ImportSshConfigCommand.class,
            ImportKnownHostsCommand.class,
        })
final class ImportCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
