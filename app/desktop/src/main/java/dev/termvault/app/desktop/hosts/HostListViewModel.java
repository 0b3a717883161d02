package dev.termvault.app.desktop.hosts;

import dev.termvault.app.core.hosts.Hosts;
import dev.termvault.app.desktop.TaskExecutor;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The host list: every host matching the search text (over every field, through {@link Hosts#find}) and the
 * selected group or tag, sorted by group (hosts in no group last), then as the vault sorts them. The group and
 * tag selector counts the hosts of the current search.
 *
 * <p>With a {@link TaskExecutor} and a large vault (at least {@link #BACKGROUND_SEARCH_FROM} hosts) a search runs
 * away from the UI thread, so typing never waits for it: each keystroke starts a search, a search whose text is
 * already out of date when its turn comes is not run, and only the result for the latest text is shown. Smaller
 * vaults are searched in place (a fraction of a millisecond), so the list is up to date as soon as the text is.
 */
public final class HostListViewModel {

    /** From this many hosts on, searches run in the background (when an executor is given). */
    public static final int BACKGROUND_SEARCH_FROM = 2_000;

    private final Hosts records;
    private final TaskExecutor executor;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<VaultRecord> hosts = FXCollections.observableArrayList();
    private final ObjectProperty<VaultRecord> selected = new SimpleObjectProperty<>();
    private final ObservableList<HostFilter> filters = FXCollections.observableArrayList(HostFilter.ALL);
    private final ObjectProperty<HostFilter> filter = new SimpleObjectProperty<>(HostFilter.ALL);
    private final Object searchLock = new Object();
    private final int backgroundFrom;
    private Map<String, String> groupNames = Map.of();
    private List<VaultRecord> found = List.of();
    private boolean refreshing;
    private long generation;
    private boolean large;

    public HostListViewModel(Vault vault) {
        this(vault, null);
    }

    /** @param executor runs searches of a large vault in the background; null to always search in place */
    public HostListViewModel(Vault vault, TaskExecutor executor) {
        this(vault, executor, BACKGROUND_SEARCH_FROM);
    }

    /** @param backgroundFrom the number of hosts from which searches run in the background */
    public HostListViewModel(Vault vault, TaskExecutor executor, int backgroundFrom) {
        this.records = new Hosts(vault);
        this.executor = executor;
        this.backgroundFrom = backgroundFrom;
        query.addListener((obs, old, now) -> update());
        filter.addListener((obs, old, now) -> {
            if (!refreshing) {
                applyFilter();
            }
        });
        refresh();
    }

    /** Reads the matching hosts and the groups again, in place (after an edit or an import). */
    public void refresh() {
        String text = text();
        long mine = next();
        List<VaultRecord> result = search(text);
        if (current(mine)) {
            show(text, result);
        }
    }

    private void update() {
        if (executor == null || !large) {
            refresh();
            return;
        }
        String text = text();
        long mine = next();
        executor.submit(() -> current(mine) ? search(text) : null, result -> {
            if (result != null && current(mine)) {
                show(text, result);
            }
        }, e -> {
            // Locked meanwhile (auto-lock, Ctrl+L): the list is gone with the window; nothing to show.
        });
    }

    private List<VaultRecord> search(String text) {
        return records.find(text);
    }

    private void show(String text, List<VaultRecord> result) {
        if (text.isBlank()) {
            large = result.size() >= backgroundFrom;
        }
        found = result;
        groupNames = records.groupNames();
        refreshing = true;
        try {
            List<HostFilter> counted = countFilters(found);
            HostFilter wanted = filter.get();
            HostFilter kept = counted.stream().filter(f -> f.sameSelection(wanted)).findFirst()
                    .orElse(counted.get(0));
            filters.setAll(counted);
            filter.set(kept);
        } finally {
            refreshing = false;
        }
        applyFilter();
    }

    /** Narrows the last search's hosts to the chosen group or tag (the counts stay as they are). */
    private void applyFilter() {
        HostFilter chosen = filter.get() == null ? HostFilter.ALL : filter.get();
        List<VaultRecord> shown = found.stream()
                .filter(r -> chosen.matches((Host) r.item(), groupNames.containsKey(((Host) r.item()).groupId())))
                .toList();
        if (!groupNames.isEmpty()) {
            // Group by group name, keeping the vault's order within each group (a stable sort on a key computed
            // once per host).
            Map<VaultRecord, String> keys = new IdentityHashMap<>();
            shown.forEach(r -> keys.put(r, groupSortKey(r)));
            List<VaultRecord> sorted = new ArrayList<>(shown);
            sorted.sort(Comparator.comparing(keys::get));
            shown = sorted;
        }
        hosts.setAll(shown);
    }

    private List<HostFilter> countFilters(List<VaultRecord> found) {
        Map<String, Integer> perGroup = new TreeMap<>();
        Map<String, Integer> perTag = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int ungrouped = 0;
        for (VaultRecord record : found) {
            Host host = (Host) record.item();
            if (host.groupId() != null && groupNames.containsKey(host.groupId())) {
                perGroup.merge(host.groupId(), 1, Integer::sum);
            } else {
                ungrouped++;
            }
            host.tags().stream().distinct().forEach(tag -> perTag.merge(tag, 1, Integer::sum));
        }
        List<HostFilter> result = new ArrayList<>();
        result.add(new HostFilter(HostFilter.Kind.ALL, "", "All hosts", found.size()));
        groupNames.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER))
                .forEach(g -> result.add(new HostFilter(HostFilter.Kind.GROUP, g.getKey(), g.getValue(),
                        perGroup.getOrDefault(g.getKey(), 0))));
        if (!groupNames.isEmpty()) {
            result.add(new HostFilter(HostFilter.Kind.UNGROUPED, "", "No group", ungrouped));
        }
        perTag.forEach((tag, count) -> result.add(new HostFilter(HostFilter.Kind.TAG, tag, tag, count)));
        return result;
    }

    /** Hosts of a group first, groups by name, hosts in no group last; the vault's order within each. */
    private String groupSortKey(VaultRecord record) {
        String name = groupName(record);
        return name.isEmpty() ? "\uffff" : "0" + name.toLowerCase(Locale.ROOT);
    }

    /** The name of the host's group, or an empty string when it is in none. */
    public String groupName(VaultRecord record) {
        return record.item() instanceof Host host && host.groupId() != null
                ? groupNames.getOrDefault(host.groupId(), "") : "";
    }

    /** The group and tag selector's entries, with counts over the current search. */
    public ObservableList<HostFilter> filters() {
        return filters;
    }

    /** The selected group or tag (never null: {@link HostFilter#ALL} when nothing narrower is chosen). */
    public ObjectProperty<HostFilter> filterProperty() {
        return filter;
    }

    private String text() {
        return query.get() == null ? "" : query.get();
    }

    private long next() {
        synchronized (searchLock) {
            return ++generation;
        }
    }

    private boolean current(long mine) {
        synchronized (searchLock) {
            return generation == mine;
        }
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<VaultRecord> hosts() {
        return hosts;
    }

    public ObjectProperty<VaultRecord> selectedProperty() {
        return selected;
    }
}
