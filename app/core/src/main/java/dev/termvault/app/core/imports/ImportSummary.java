package dev.termvault.app.core.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.termvault.app.core.imports.ImportRow.Action;
import dev.termvault.app.core.imports.ImportRow.Kind;

/** The one sentence over a plan or an outcome that both front ends show above the rows. */
final class ImportSummary {

    private ImportSummary() {
    }

    static String planned(ImportCounts counts) {
        return counts.count(Action.ADD) + " to import, " + counts.count(Action.KEEP) + " already in the vault, "
                + counts.count(Action.SKIP) + " to skip.";
    }

    static String outcome(ImportOutcome.Status status, ImportCounts counts, Set<Kind> kinds, String failure) {
        String added = added(counts, kinds);
        boolean wroteNothing = counts.count(Action.ADD) == 0;
        return switch (status) {
            case COMPLETE -> "Imported " + added + ". Kept " + counts.count(Action.KEEP) + " already in the vault."
                    + " Skipped " + counts.count(Action.SKIP) + ".";
            case CANCELLED -> wroteNothing ? "Import cancelled. Nothing was written to the vault."
                    : "Import cancelled part way. Written before the cancel: " + added + "; each is complete and"
                            + " links only to records that exist. Nothing else was written.";
            case FAILED -> "The import stopped with an error (" + failure + "). "
                    + (wroteNothing ? "Nothing was written to the vault." : "Written before it: " + added
                            + "; each is complete.");
        };
    }

    /** "4 host(s), 2 key(s) and 2 known host key(s)": the records added, for the kinds the sources could give. */
    private static String added(ImportCounts counts, Set<Kind> kinds) {
        List<String> parts = new ArrayList<>();
        if (kinds.contains(Kind.HOST)) {
            parts.add(counts.count(Kind.HOST, Action.ADD) + " host(s)");
        }
        if (kinds.contains(Kind.KEY)) {
            parts.add(counts.count(Kind.KEY, Action.ADD) + " key(s)");
        }
        if (kinds.contains(Kind.KNOWN_HOST)) {
            parts.add(counts.count(Kind.KNOWN_HOST, Action.ADD) + " known host key(s)");
        }
        if (parts.isEmpty()) {
            return "nothing";
        }
        String last = parts.remove(parts.size() - 1);
        return parts.isEmpty() ? last : String.join(", ", parts) + " and " + last;
    }
}
