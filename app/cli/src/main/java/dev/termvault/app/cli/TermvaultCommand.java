package dev.termvault.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root {@code termvault} command. To add a subcommand, add its class to {@code subcommands} below; a
 * command that opens the vault takes a {@link VaultAccess} in its constructor (see {@link HostsCommand}).
 */
@Command(name = "termvault",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Termvault: an SSH credential vault. Records are encrypted on this device.",
        subcommands = {
            InitCommand.class,
            HostsCommand.class,
            PasswdCommand.class,
            ConnectCommand.class,
            KeysCommand.class,
            CredentialsCommand.class,
            SnippetsCommand.class,
            ImportCommand.class,
            AccountCommand.class,
            SyncCommand.class,
            DevicesCommand.class,
        },
        footer = {"",
            "Exit codes: 0 done, 1 usage error, 2 wrong password, 3 tampered or unreadable data,",
            "            4 not found or already exists, 5 other failure (the message says what happened)."})
public final class TermvaultCommand implements Runnable {

    @Mixin
    private GlobalOptions globalOptions;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
