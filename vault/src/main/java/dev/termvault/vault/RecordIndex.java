package dev.termvault.vault;

import dev.termvault.vault.model.ItemType;
import java.util.ArrayList;
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
final class RecordIndex {

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
    static final int PARALLEL_THRESHOLD = 256;

    private final Map<UUID, Entry> records;
    private final Set<UUID> unreadable = new LinkedHashSet<>();

    RecordIndex() {
        this(16);
    }

    RecordIndex(int expected) {
        records = HashMap.newHashMap(expected);
    }

    /** The UUID of a record id string, empty when it is not one. */
    static Optional<UUID> parseId(String recordId) {
        if (recordId == null || recordId.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(recordId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void put(VaultRecord record) {
        UUID id = UUID.fromString(record.id());
        records.put(id, new Entry(record));
        unreadable.remove(id);
    }

    void markUnreadable(UUID id) {
        records.remove(id);
        unreadable.add(id);
    }

    void remove(UUID id) {
        records.remove(id);
        unreadable.remove(id);
    }

    /** The record, empty when missing or unreadable (no exception). */
    Optional<VaultRecord> getQuietly(UUID id) {
        Entry entry = records.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.record);
    }

    Optional<VaultRecord> get(String recordId) {
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

    List<VaultRecord> list(ItemType type) {
        List<VaultRecord> result = new ArrayList<>(records.size());
        for (Entry entry : records.values()) {
            if (type == null || entry.record.item().itemType() == type) {
                result.add(entry.record);
            }
        }
        result.sort(ORDER);
        return result;
    }

    List<VaultRecord> search(String query) {
        prepareSearchText();
        String[] words = query == null ? new String[0] : query.toLowerCase(Locale.ROOT).strip().split("\\s+");
        List<VaultRecord> result = new ArrayList<>();
        for (Entry entry : records.values()) {
            if (matches(entry.searchText(), words)) {
                result.add(entry.record);
            }
        }
        result.sort(ORDER);
        return result;
    }

    /** Builds the missing search texts, in parallel when there are many (the first search after unlock). */
    private void prepareSearchText() {
        List<Entry> missing = new ArrayList<>();
        for (Entry entry : records.values()) {
            if (entry.searchText == null) {
                missing.add(entry);
            }
        }
        if (missing.size() >= PARALLEL_THRESHOLD) {
            missing.parallelStream().forEach(Entry::searchText);
        }
    }

    private static boolean matches(String text, String[] words) {
        for (String word : words) {
            if (!word.isEmpty() && !text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    List<String> unreadable() {
        return unreadable.stream().map(UUID::toString).toList();
    }

    int size() {
        return records.size();
    }

    void clear() {
        records.clear();
        unreadable.clear();
    }
}
