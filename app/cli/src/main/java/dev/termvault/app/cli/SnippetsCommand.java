package dev.termvault.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code termvault snippets ...}: saved commands, and running one on hosts. */
@Command(name = "snippets", description = "List, add, edit and delete saved commands; run one on hosts.",
        subcommands = {
            SnippetsListCommand.class,
            SnippetsAddCommand.class,
            SnippetsEditCommand.class,
            SnippetsRemoveCommand.class,
            SnippetsRunCommand.class,
        })
final class SnippetsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
