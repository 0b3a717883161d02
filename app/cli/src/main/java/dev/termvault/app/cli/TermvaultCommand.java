package dev.termvault.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The root {@code termvault} command. To add a subcommand, add its class to {@code subcommands} below; a
 * command that opens the vault takes a {@link VaultAccess} in its constructor (see {@link HostsCommand}).
 */
@Command(name = "termvault",
        versionProvider = VersionProvider.class,
        description = "Termvault: an SSH credential vault. Records are encrypted on this device.",
        subcommands = {
            InitCommand.class,
            HostsCommand.class,
            KnownHostsCommand.class,
            SearchCommand.class,
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
            "The sync server: ./termvault server [--help] in a source checkout, termvault-server from its package.",
            "",
            "Exit codes: 0 done, 1 usage error, 2 wrong password, 3 tampered or unreadable data, 4 not found or"
                + " already exists, 5 other failure (the message says what happened). connect passes the remote"
                + " exit status through and uses 255 for its own failures, as ssh does."})
public final class TermvaultCommand implements Runnable {

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    private boolean version;

    @Mixin
    private GlobalOptions globalOptions;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
