package dev.termvault.app.ssh.openssh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What reading an OpenSSH file gave, as typed entries: what each is about, how it ended and why. A caller
 * switches over {@link Subject}, {@link Outcome} and {@link ImportReason}; the detail is for people and is never
 * parsed back.
 */
public final class ImportReport {

    /** How one entry ended. */
    public enum Outcome { IMPORTED, SKIPPED, NOTE }

    /** What an entry is about. */
    public enum Subject {
        /** A host alias (or a jump host spec) of the ssh_config. */
        HOST,
        /** A key file an IdentityFile names. */
        KEY_FILE,
        /** A line, block, keyword or file of the ssh_config that is not a host. */
        CONFIG,
        /** A host name or a line of a known_hosts file. */
        KNOWN_HOST
    }

    /**
     * One entry of the report.
     *
     * @param outcome   imported, skipped or a note
     * @param subject   what kind of thing it is about
     * @param reference which one: a host alias, a file path, a config line's place, a known host pattern
     * @param reason    why it ended so
     * @param detail    what happened, in words a person understands (never parsed)
     */
    public record Entry(Outcome outcome, Subject subject, String reference, ImportReason reason, String detail) {

        /** The reference as a person reads it: "host web", "key file ~/.ssh/id", or the reference as it is. */
        public String label() {
            return switch (subject) {
                case HOST -> "host " + reference;
                case KEY_FILE -> "key file " + reference;
                case CONFIG, KNOWN_HOST -> reference;
            };
        }

        @Override
        public String toString() {
            return outcome.name().toLowerCase(Locale.ROOT) + ": " + label() + (detail.isEmpty() ? "" : " - " + detail);
        }
    }

    private final Set<Entry> entries = new LinkedHashSet<>();

    public void imported(Subject subject, String reference, String detail) {
        entries.add(new Entry(Outcome.IMPORTED, subject, reference, ImportReason.FOUND, detail));
    }

    public void skipped(Subject subject, String reference, ImportReason reason, String detail) {
        entries.add(new Entry(Outcome.SKIPPED, subject, reference, reason, detail));
    }

    public void note(Subject subject, String reference, ImportReason reason, String detail) {
        entries.add(new Entry(Outcome.NOTE, subject, reference, reason, detail));
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
