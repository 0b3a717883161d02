package dev.termvault.vault.internal;

import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.ItemType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The decrypted live records of an unlocked vault, by id, with the ids that failed to open. */
public final class RecordIndex {

    private static final Comparator<VaultRecord> ORDER = Comparator
            .comparing((VaultRecord r) -> r.item().displayName(), Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER))
            .thenComparing(VaultRecord::id);

    /** One record and, once a search has needed it, its lower-case search text. */
    private static final class Entry {
        final VaultRecord record;
        String searchText;

        Entry(VaultRecord record) {
            this.record = record;
        }

        String searchText() {
            if (searchText == null) {
                searchText = RecordCodec.searchText(record.item());
            }
            return searchText;
        }
    }

    /** Below this many records a parallel split costs more than it saves. */
    public static final int PARALLEL_THRESHOLD = 256;

    private final Map<UUID, Entry> records;
    private final Set<UUID> unreadable = new LinkedHashSet<>();
    /** What {@link #search} reads; dropped on every change and made again by the next search. */
    private SearchSnapshot snapshot;

    /**
     * Records in no particular order; the search text of record i is
     * {@code text.substring(starts[i], starts[i + 1])}.
     * Each text ends with a newline and a query word holds none, so a match never spans two records.
     */
    private record SearchSnapshot(VaultRecord[] records, int[] starts, String text) {
    }

    public RecordIndex() {
        this(16);
    }

    public RecordIndex(int expected) {
        records = HashMap.newHashMap(expected);
    }

    /** The UUID of a record id string, empty when it is not one. */
    public static Optional<UUID> parseId(String recordId) {
        if (recordId == null || recordId.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(recordId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public void put(VaultRecord record) {
        UUID id = UUID.fromString(record.id());
        records.put(id, new Entry(record));
        unreadable.remove(id);
        snapshot = null;
    }

    public void markUnreadable(UUID id) {
        records.remove(id);
        snapshot = null;
        unreadable.add(id);
    }

    public void remove(UUID id) {
        records.remove(id);
        snapshot = null;
        unreadable.remove(id);
    }

    /** The record, empty when missing or unreadable (no exception). */
    public Optional<VaultRecord> getQuietly(UUID id) {
        Entry entry = records.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.record);
    }

    public Optional<VaultRecord> get(String recordId) {
        Optional<UUID> id = parseId(recordId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        if (unreadable.contains(id.get())) {
            throw new VaultException.Tampered(id.get());
        }
        Entry entry = records.get(id.get());
        return entry == null ? Optional.empty() : Optional.of(entry.record);
    }

    public List<VaultRecord> list(ItemType type) {
        List<VaultRecord> result = new ArrayList<>(records.size());
        for (Entry entry : records.values()) {
            if (type == null || entry.record.item().itemType() == type) {
                result.add(entry.record);
            }
        }
        result.sort(ORDER);
        return result;
    }

    /**
     * The records whose search text holds every word of {@code query} (case-insensitive), in list order. One
     * pass of {@link String#indexOf} over the concatenated search texts of all records finds the records holding
     * the longest word; only those are checked for the other words, and only the matches are sorted.
     */
    public List<VaultRecord> search(String query) {
        String[] words = query == null ? new String[0] : query.toLowerCase(Locale.ROOT).strip().split("\\s+");
        List<String> needed = new ArrayList<>(words.length);
        String longest = "";
        for (String word : words) {
            if (!word.isEmpty()) {
                needed.add(word);
                if (word.length() > longest.length()) {
                    longest = word;
                }
            }
        }
        if (needed.isEmpty()) {
            return list(null);
        }
        needed.remove(longest);
        SearchSnapshot snapshot = searchSnapshot();
        String text = snapshot.text;
        int[] starts = snapshot.starts;
        List<VaultRecord> result = new ArrayList<>();
        int at = text.indexOf(longest);
        while (at >= 0) {
            int i = Arrays.binarySearch(starts, at);
            int record = i >= 0 ? i : -i - 2; // the record whose text holds position at
            while (starts[record + 1] <= at) { // skip empty texts that start at the same position
                record++;
            }
            int end = starts[record + 1];
            if (holdsAll(text, starts[record], end, needed)) {
                result.add(snapshot.records[record]);
            }
            at = end < text.length() ? text.indexOf(longest, end) : -1;
        }
        result.sort(ORDER);
        return result;
    }

    private static boolean holdsAll(String text, int from, int to, List<String> words) {
        for (String word : words) {
            if (text.indexOf(word, from, to) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every live record with its search text, all the texts in one string; made on the first search after a
     * change, with the missing texts built in parallel when there are many. Not sorted: sorting every record
     * costs more than building the texts, and a query sorts only its matches.
     */
    private SearchSnapshot searchSnapshot() {
        if (snapshot != null) {
            return snapshot;
        }
        List<Entry> entries = new ArrayList<>(records.values());
        if (entries.size() >= PARALLEL_THRESHOLD) {
            entries.parallelStream().forEach(Entry::searchText);
        }
        VaultRecord[] held = new VaultRecord[entries.size()];
        int[] starts = new int[entries.size() + 1];
        int length = 0;
        for (int i = 0; i < held.length; i++) {
            length += entries.get(i).searchText().length();
        }
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < held.length; i++) {
            Entry entry = entries.get(i);
            held[i] = entry.record;
            starts[i] = text.length();
            text.append(entry.searchText());
        }
        starts[held.length] = text.length();
        snapshot = new SearchSnapshot(held, starts, text.toString());
        return snapshot;
    }

    public List<String> unreadable() {
        return unreadable.stream().map(UUID::toString).toList();
    }

    public int size() {
        return records.size();
    }

    public void clear() {
        records.clear();
        snapshot = null;
        unreadable.clear();
    }
}
