package dev.termvault.app.cli;

import picocli.CommandLine.Option;

/** The options every {@code import} command takes: a dry run, and JSON instead of a table. */
final class ImportOptions {

    @Option(names = "--dry-run", description = {"Only print what would be imported, kept and skipped, and why;"
            + " asks no key passphrase and writes nothing.", "Compared with the vault when there is one (its"
            + " password is asked), else with an empty vault."})
    boolean dryRun;

    @Option(names = "--json", description = "Print the rows, their counts and the summary as JSON.")
    boolean json;
}
