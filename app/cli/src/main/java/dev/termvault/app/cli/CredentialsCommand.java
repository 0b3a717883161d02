package dev.termvault.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code termvault credentials ...}: saved usernames and passwords that hosts log in with. */
@Command(name = "credentials", description = "List, add, edit, show and delete saved passwords.",
        subcommands = {
            CredentialsListCommand.class,
            CredentialsAddCommand.class,
            CredentialsEditCommand.class,
            CredentialsShowCommand.class,
            CredentialsRemoveCommand.class,
        })
final class CredentialsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
