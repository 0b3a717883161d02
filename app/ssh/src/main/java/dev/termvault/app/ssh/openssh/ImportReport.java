package dev.termvault.app.ssh.openssh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What an import did: each thing imported, each thing skipped and why, and notes worth reading. */
public final class ImportReport {

    /** How one line of the report ended. */
    public enum Outcome { IMPORTED, SKIPPED, NOTE }

    /**
     * One line of the report.
     *
     * @param outcome imported, skipped or a note
     * @param subject what it is about (a host alias, a file and line, a keyword)
     * @param detail  what happened, in words a person understands
     */
    public record Entry(Outcome outcome, String subject, String detail) {
        @Override
        public String toString() {
            return outcome.name().toLowerCase(java.util.Locale.ROOT) + ": " + subject + (detail.isEmpty() ? "" : " - " + detail);
        }
    }

    private final Set<Entry> entries = new LinkedHashSet<>();

    public void imported(String subject, String detail) {
        entries.add(new Entry(Outcome.IMPORTED, subject, detail));
    }

    public void skipped(String subject, String reason) {
        entries.add(new Entry(Outcome.SKIPPED, subject, reason));
    }

    public void note(String subject, String detail) {
        entries.add(new Entry(Outcome.NOTE, subject, detail));
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(new ArrayList<>(entries));
    }

    public List<Entry> entries(Outcome outcome) {
        return entries.stream().filter(e -> e.outcome() == outcome).toList();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        entries.forEach(e -> out.append(e).append('\n'));
        return out.toString();
    }
}
