package dev.termvault.app.core.imports;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.termvault.app.core.imports.ImportRow.Action;
import dev.termvault.app.core.imports.ImportRow.Kind;

/**
 * How many rows of each kind have each action.
 *
 * @param byKind for each kind that has rows, the number of rows per action (kinds and actions in enum order)
 */
public record ImportCounts(Map<Kind, Map<Action, Integer>> byKind) {

    public ImportCounts {
        EnumMap<Kind, Map<Action, Integer>> copy = new EnumMap<>(Kind.class);
        byKind.forEach((kind, actions) -> {
            EnumMap<Action, Integer> counts = new EnumMap<>(Action.class);
            counts.putAll(actions);
            copy.put(kind, Collections.unmodifiableMap(counts));
        });
        byKind = Collections.unmodifiableMap(copy);
    }

    static ImportCounts of(List<ImportRow> rows) {
        Map<Kind, Map<Action, Integer>> counts = new EnumMap<>(Kind.class);
        for (ImportRow row : rows) {
            counts.computeIfAbsent(row.kind(), k -> new EnumMap<>(Action.class)).merge(row.action(), 1, Integer::sum);
        }
        return new ImportCounts(counts);
    }

    /** The rows of {@code kind} with {@code action}. */
    public int count(Kind kind, Action action) {
        return byKind.getOrDefault(kind, Map.of()).getOrDefault(action, 0);
    }

    /** The rows of any kind with {@code action}. */
    public int count(Action action) {
        return byKind.values().stream().mapToInt(actions -> actions.getOrDefault(action, 0)).sum();
    }
}
