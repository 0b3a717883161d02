package dev.termvault.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code termvault known-hosts ...}: the host keys accepted so far. */
@Command(name = "known-hosts", description = "List and remove the host keys accepted so far.",
        subcommands = {
            KnownHostsListCommand.class,
            KnownHostsRemoveCommand.class,
        })
final class KnownHostsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
