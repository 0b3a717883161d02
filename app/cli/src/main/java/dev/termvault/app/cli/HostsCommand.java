package dev.termvault.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code termvault hosts ...}: the host records of the vault. */
@Command(name = "hosts", description = "Add, list, show, edit and remove hosts.",
        subcommands = {
            HostsAddCommand.class,
            HostsListCommand.class,
            HostsShowCommand.class,
            HostsEditCommand.class,
            HostsRemoveCommand.class,
        })
final class HostsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
