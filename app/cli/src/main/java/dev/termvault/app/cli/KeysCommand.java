package dev.termvault.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code termvault keys ...}: SSH keys in the vault, and reading key files. */
@Command(name = "keys", description = "Generate, import, list, rename, delete, inspect and export SSH keys.",
        subcommands = {
            KeysGenerateCommand.class,
            KeysImportCommand.class,
            KeysInspectCommand.class,
            KeysExportPublicCommand.class,
            KeysListCommand.class,
            KeysRemoveCommand.class,
            KeysRenameCommand.class,
            KeysExportCommand.class,
        })
final class KeysCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
