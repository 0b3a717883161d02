package dev.termvault.app.core.imports;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import dev.termvault.app.core.imports.ImportRow.Action;
import dev.termvault.app.core.imports.ImportRow.Kind;
import dev.termvault.app.ssh.openssh.PlannedHost;
import dev.termvault.vault.model.KnownHost;

/**
 * What an import would do, worked out before anything is written: the rows a person previews, and the records
 * {@link Imports#apply} writes. Nothing secret is held: key files are read again when the import runs.
 */
public final class PlannedImport {

    /** A key file to import: read when the import runs ({@code read}), or already in the vault by its public key. */
    record KeyStep(int row, Path file, String publicKey, boolean read) {
    }

    /** A host to write (or keep), linked to its key file and jump hosts when written. */
    record HostStep(int row, PlannedHost host) {
    }

    /** A known host key to write (or keep). */
    record KnownHostStep(int row, KnownHost knownHost) {
    }

    /**
     * The steps of an import, in writing order: the ssh_config's keys, its hosts (every jump host before the hosts
     * that use it), the other key files, then the known host keys.
     */
    record Steps(List<KeyStep> configKeys, List<HostStep> hosts, List<KeyStep> otherKeys,
            List<KnownHostStep> knownHosts) {

        Steps {
            configKeys = List.copyOf(configKeys);
            hosts = List.copyOf(hosts);
            otherKeys = List.copyOf(otherKeys);
            knownHosts = List.copyOf(knownHosts);
        }
    }

    private final List<ImportRow> rows;
    private final Steps steps;
    private final Set<Kind> recordKinds;

    PlannedImport(List<ImportRow> rows, Steps steps, Set<Kind> recordKinds) {
        this.rows = List.copyOf(rows);
        this.steps = steps;
        this.recordKinds = Set.copyOf(recordKinds);
    }

    /** The preview: every row, additions first, then what is kept, skipped, and notes; file order within each. */
    public List<ImportRow> rows() {
        return sorted(rows);
    }

    public ImportCounts counts() {
        return ImportCounts.of(rows);
    }

    /** Whether running the import would write anything. */
    public boolean hasAdditions() {
        return rows.stream().anyMatch(r -> r.action() == Action.ADD);
    }

    /** One sentence over the rows, e.g. "6 to import, 2 already in the vault, 1 to skip." */
    public String summary() {
        return ImportSummary.planned(counts());
    }

    /** The rows in plan order, as the steps' row numbers index them. */
    List<ImportRow> rowsInOrder() {
        return rows;
    }

    Steps steps() {
        return steps;
    }

    /** The kinds of record the sources could give (what a summary counts). */
    Set<Kind> recordKinds() {
        return recordKinds;
    }

    static List<ImportRow> sorted(List<ImportRow> rows) {
        return rows.stream().sorted(Comparator.comparing(ImportRow::action)).toList();
    }
}
