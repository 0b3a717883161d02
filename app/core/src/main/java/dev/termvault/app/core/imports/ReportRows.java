package dev.termvault.app.core.imports;

import dev.termvault.app.core.imports.ImportRow.Action;
import dev.termvault.app.core.imports.ImportRow.Kind;
import dev.termvault.app.ssh.openssh.ImportReport;

/** The OpenSSH readers' typed report entries as import rows: the reason as it is, the detail kept as the message. */
final class ReportRows {

    private ReportRows() {
    }

    static ImportRow row(ImportReport.Entry entry) {
        return new ImportRow(kind(entry.subject()), entry.reference(), action(entry.outcome()),
                entry.reason(), entry.detail());
    }

    private static Kind kind(ImportReport.Subject subject) {
        return switch (subject) {
            case HOST -> Kind.HOST;
            case KEY_FILE -> Kind.KEY;
            case CONFIG -> Kind.CONFIG;
            case KNOWN_HOST -> Kind.KNOWN_HOST;
        };
    }

    private static Action action(ImportReport.Outcome outcome) {
        return switch (outcome) {
            case IMPORTED -> Action.ADD;
            case SKIPPED -> Action.SKIP;
            case NOTE -> Action.NOTE;
        };
    }
}
