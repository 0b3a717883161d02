package dev.termvault.app.gui.model;

import dev.termvault.app.gui.TaskExecutor;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The host list: every host matching the search text (over every field, through {@link Vault#search}).
 *
 * <p>With a {@link TaskExecutor} and a large vault (at least {@link #BACKGROUND_SEARCH_FROM} hosts) a search runs
 * away from the UI thread, so typing never waits for it: each keystroke starts a search, a search whose text is
 * already out of date when its turn comes is not run, and only the result for the latest text is shown. Smaller
 * vaults are searched in place (a fraction of a millisecond), so the list is up to date as soon as the text is.
 */
public final class HostListViewModel {

    /** From this many hosts on, searches run in the background (when an executor is given). */
    public static final int BACKGROUND_SEARCH_FROM = 2_000;

    private final Vault vault;
    private final TaskExecutor executor;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<VaultRecord> hosts = FXCollections.observableArrayList();
    private final ObjectProperty<VaultRecord> selected = new SimpleObjectProperty<>();
    private final Object searchLock = new Object();
    private long generation;
    private boolean large;
    private final int backgroundFrom;

    public HostListViewModel(Vault vault) {
        this(vault, null);
    }

    /** @param executor runs searches of a large vault in the background; null to always search in place */
    public HostListViewModel(Vault vault, TaskExecutor executor) {
        this(vault, executor, BACKGROUND_SEARCH_FROM);
    }

    /** @param backgroundFrom the number of hosts from which searches run in the background */
    public HostListViewModel(Vault vault, TaskExecutor executor, int backgroundFrom) {
        this.vault = vault;
        this.executor = executor;
        this.backgroundFrom = backgroundFrom;
        query.addListener((obs, old, now) -> update());
        refresh();
    }

    /** Reads the matching hosts again, in place (after an edit or an import). */
    public void refresh() {
        String text = text();
        long mine = next();
        List<VaultRecord> found = search(text);
        if (current(mine)) {
            show(text, found);
        }
    }

    private void update() {
        if (executor == null || !large) {
            refresh();
            return;
        }
        String text = text();
        long mine = next();
        executor.submit(() -> current(mine) ? search(text) : null, found -> {
            if (found != null && current(mine)) {
                show(text, found);
            }
        }, e -> {
            // Locked meanwhile (auto-lock, Ctrl+L): the list is gone with the window; nothing to show.
        });
    }

    private List<VaultRecord> search(String text) {
        return vault.search(text).stream().filter(r -> r.item() instanceof Host).toList();
    }

    private void show(String text, List<VaultRecord> found) {
        if (text.isBlank()) {
            large = found.size() >= backgroundFrom;
        }
        hosts.setAll(found);
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
