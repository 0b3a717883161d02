package dev.termvault.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import dev.termvault.app.core.imports.ImportCounts;
import dev.termvault.app.core.imports.ImportOutcome;
import dev.termvault.app.core.imports.ImportProgress;
import dev.termvault.app.core.imports.ImportRow;
import dev.termvault.app.core.imports.ImportSources;
import dev.termvault.app.core.imports.Imports;
import dev.termvault.app.core.imports.PlannedImport;
import dev.termvault.app.ssh.keys.PassphrasePrompt;
import dev.termvault.vault.Vault;

/**
 * What the import commands share: plan through the core, then print the plan (a dry run) or apply it and print the
 * outcome, as a table of rows and a summary for people or as the typed rows in JSON.
 */
final class ImportViews {

    private static final BooleanSupplier NEVER = () -> false;

    /**
     * The JSON of {@code --json}: the rows the desktop app shows, their counts and the summary.
     *
     * @param status null for a dry run
     */
    record ImportJson(boolean dryRun, ImportOutcome.Status status, List<ImportRow> rows, ImportCounts counts,
            String summary) {
    }

    private ImportViews() {
    }

    /**
     * Plans the import of {@code sources} and, unless it is a dry run, applies it. A dry run where there is no vault
     * yet compares with an empty vault and asks for no password.
     *
     * @param prompt key file passphrases, made only when the import runs for real
     */
    static int run(VaultAccess access, ImportSources sources, ImportOptions options,
            Supplier<PassphrasePrompt> prompt, PrintWriter out) {
        boolean dryRun = options.dryRun;
        boolean json = options.json;
        if (dryRun && !Vault.exists(access.vaultDirectory())) {
            access.notices().println("There is no vault in " + access.vaultDirectory()
                    + " yet: the dry run compares with an empty vault.");
            printPlan(Imports.planForEmptyVault(sources), json, out);
            return ExitCodes.OK;
        }
        PassphrasePrompt passphrases = dryRun ? PassphrasePrompt.NONE : prompt.get();
        try (Vault vault = access.openUnlocked()) {
            Imports imports = new Imports(vault, passphrases);
            PlannedImport plan = imports.plan(sources);
            if (dryRun) {
                printPlan(plan, json, out);
                return ExitCodes.OK;
            }
            ImportOutcome outcome = imports.apply(plan, ImportProgress.NONE, NEVER);
            if (json) {
                out.println(Json.write(new ImportJson(false, outcome.status(), outcome.rows(), outcome.counts(),
                        outcome.summary())));
            } else {
                printTable(outcome.rows(), out);
                out.println(outcome.summary());
            }
            out.flush();
            return outcome.status() == ImportOutcome.Status.FAILED ? ExitCodes.FAILURE : ExitCodes.OK;
        }
    }

    private static void printPlan(PlannedImport plan, boolean json, PrintWriter out) {
        if (json) {
            out.println(Json.write(new ImportJson(true, null, plan.rows(), plan.counts(), plan.summary())));
        } else {
            printTable(plan.rows(), out);
            out.println("Dry run: " + plan.summary() + " Nothing was written.");
        }
        out.flush();
    }

    /** The home directory: {@code ~} in ssh_config, and where relative Include paths are found. */
    static Path home(CliContext context) {
        return Path.of(context.environment().getOrDefault("HOME", System.getProperty("user.home")));
    }

    /** The rows as columns: kind, reference, action, reason, and the message. */
    static void printTable(List<ImportRow> rows, PrintWriter out) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"KIND", "REFERENCE", "ACTION", "REASON", "DETAILS"});
        for (ImportRow row : rows) {
            lines.add(new String[] {row.kind().name(), row.reference(), row.action().name(), row.reason().name(),
                row.message()});
        }
        TextTable.print(lines, out);
    }
}
