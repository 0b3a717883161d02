package dev.termvault.app.cli;

import java.util.List;
import java.util.concurrent.Callable;

import dev.termvault.app.core.snippets.SnippetRow;
import dev.termvault.app.core.snippets.Snippets;
import dev.termvault.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code termvault snippets edit NAME}: changes a snippet's name, command or tags. */
@Command(name = "edit", description = "Change a snippet's name, command or tags.")
final class SnippetsEditCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The snippet's name (or record id).")
    private String reference;

    @Option(names = "--name", paramLabel = "NEW", description = "A new name.")
    private String newName;

    @Option(names = "--command", paramLabel = "CMD", description = "A new command.")
    private String command;

    @Option(names = "--tag", paramLabel = "TAG", description = "The tags, replacing the old ones (repeat for several).")
    private List<String> tags;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    SnippetsEditCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        if (newName == null && command == null && tags == null) {
            throw CliException.usage("Nothing to change: give --name, --command or --tag.");
        }
        try (Vault vault = access.openUnlocked()) {
            Snippets snippets = new Snippets(vault);
            String id = snippets.edit(reference, newName, command, tags).id();
            SnippetRow changed = snippets.get(id);
            spec.commandLine().getOut().println("Changed snippet " + changed.name() + ".");
        }
        return ExitCodes.OK;
    }
}
