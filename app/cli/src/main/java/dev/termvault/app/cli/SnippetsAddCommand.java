package dev.termvault.app.cli;

import java.util.List;
import java.util.concurrent.Callable;

import dev.termvault.app.core.snippets.Snippets;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code termvault snippets add}: saves a command under a name. */
@Command(name = "add", description = "Save a command under a name.")
final class SnippetsAddCommand implements Callable<Integer> {

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The name you pick it by.")
    private String name;

    @Option(names = "--command", required = true, paramLabel = "CMD",
            description = "The command, run by the host's shell (several lines allowed).")
    private String command;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag (repeat for several).")
    private List<String> tags = List.of();

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    SnippetsAddCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openUnlocked()) {
            VaultRecord added = new Snippets(vault).add(name, command, tags);
            spec.commandLine().getOut().println("Added snippet " + name.strip() + ", id " + added.id() + ".");
        }
        return ExitCodes.OK;
    }
}
