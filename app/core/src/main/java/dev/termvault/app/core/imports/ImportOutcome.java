package dev.termvault.app.core.imports;

import java.util.List;

import dev.termvault.app.core.imports.ImportRow.Action;
import dev.termvault.app.core.imports.ImportRow.Kind;

/**
 * What an import did: every row of the plan with the action taken (a planned addition that was not written because
 * of a cancel or an error says so), the counts, and one sentence over them.
 *
 * @param status  whether the import ran to the end, was cancelled, or was stopped by an error
 * @param rows    additions first, then what was kept, skipped, and notes
 * @param counts  rows per kind and action
 * @param failure the error's message when {@link Status#FAILED}, else null
 * @param summary one sentence a person reads above the rows
 */
public record ImportOutcome(Status status, List<ImportRow> rows, ImportCounts counts, String failure,
        String summary) {

    /** How an import ended. Every record written is whole and links only to records that exist, in each case. */
    public enum Status {
        /** Every step ran. */
        COMPLETE,
        /** Cancelled: what was written before the cancel stays, nothing after it was written. */
        CANCELLED,
        /** An error (of the vault) stopped it: what was written before stays, nothing after it was written. */
        FAILED
    }

    public ImportOutcome {
        rows = List.copyOf(rows);
    }

    /** The records of {@code kind} written. */
    public int added(Kind kind) {
        return counts.count(kind, Action.ADD);
    }

    /** Whether any record was written. */
    public boolean wroteAnything() {
        return counts.count(Action.ADD) > 0;
    }
}
