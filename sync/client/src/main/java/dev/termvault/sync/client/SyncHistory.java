package dev.termvault.sync.client;

import dev.termvault.vault.VaultFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This device's sync history: pulls, pushes, conflicts and errors with their times, newest last, kept in a
 * small text file next to the vault ({@code sync-history.log}) and bounded to {@link #LIMIT} entries. It holds
 * counts and the safe-to-show messages of {@link SyncException} and {@link SyncNotice} only: never a record's
 * content, a hostname, a token or a secret. A repeated error (the same message again, as while the server is
 * down) updates the last entry instead of adding one. Thread-safe.
 */
public final class SyncHistory {

    private static final Logger LOG = LoggerFactory.getLogger(SyncHistory.class);

    /** The most entries kept; older ones are dropped. */
    public static final int LIMIT = 500;

    /** The file name inside the vault folder. */
    public static final String FILE = "sync-history.log";

    /**
     * One entry.
     *
     * @param at     when it happened (for a repeated error: the last time)
     * @param kind   what happened
     * @param count  records pulled or pushed, conflicts, or how many times the error was seen in a row
     * @param detail a message safe to show (may be empty)
     */
    public record Entry(Instant at, Kind kind, int count, String detail) {
        public Entry {
            detail = detail == null ? "" : detail.replace('\n', ' ').replace('\t', ' ').replace('\r', ' ');
        }
    }

    /** What an entry records. */
    public enum Kind {
        /** Changes from other devices were applied here. */
        PULL,
        /** Changes from here were accepted by the server. */
        PUSH,
        /** A conflict copy was made or a deleted record restored. */
        CONFLICT,
        /** A pass failed (the server could not be reached, or refused, or sent something refused). */
        ERROR
    }

    private final Path file;
    private final Deque<Entry> entries = new ArrayDeque<>();

    private SyncHistory(Path file) {
        this.file = file;
    }

    /** The history kept in {@code vaultDirectory}; a missing or unreadable file starts an empty one. */
    public static SyncHistory in(Path vaultDirectory) {
        SyncHistory history = new SyncHistory(vaultDirectory.resolve(FILE));
        history.load();
        return history;
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", 4);
                if (parts.length < 3) {
                    continue;
                }
                try {
                    add(new Entry(Instant.parse(parts[0]), Kind.valueOf(parts[1]), Integer.parseInt(parts[2]),
                            parts.length > 3 ? parts[3] : ""));
                } catch (RuntimeException e) {
                    LOG.debug("Skipped an unreadable sync history line");
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not read the sync history ({}); starting a new one", e.getMessage());
        }
    }

    private void add(Entry entry) {
        entries.addLast(entry);
        while (entries.size() > LIMIT) {
            entries.removeFirst();
        }
    }

    /** Adds an entry (or, for the same error as the last entry, counts it again) and writes the file. */
    public synchronized void record(Kind kind, int count, String detail, Instant at) {
        Entry entry = new Entry(at, kind, count, detail);
        Entry last = entries.peekLast();
        if (kind == Kind.ERROR && last != null && last.kind() == Kind.ERROR && last.detail().equals(entry.detail())) {
            entries.removeLast();
            entry = new Entry(at, kind, last.count() + count, entry.detail());
        }
        add(entry);
        save();
    }

    /** Every entry, oldest first. */
    public synchronized List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    private void save() {
        StringBuilder text = new StringBuilder();
        for (Entry e : entries) {
            text.append(e.at()).append('\t').append(e.kind().name()).append('\t').append(e.count()).append('\t')
                    .append(e.detail()).append('\n');
        }
        Path temp = file.resolveSibling(FILE + ".tmp");
        try {
            VaultFolder.ownerOnlyFile(temp);
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Could not write the sync history ({})", e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "SyncHistory[" + entries.size() + " entries]";
    }
}
