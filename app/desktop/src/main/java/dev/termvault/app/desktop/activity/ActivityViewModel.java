package dev.termvault.app.desktop.activity;

import dev.termvault.app.core.account.AccountActivity;
import dev.termvault.app.desktop.TaskExecutor;
import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.client.SyncHistory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Activity: the key service's audit log for this account (what the server returns: sign-ups, logins, share
 * releases, device changes) and this device's sync history (pulls, pushes, conflicts, errors), newest first.
 */
public final class ActivityViewModel {

    /** One row of either list. */
    public record Row(Instant at, String time, String what, String detail) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final Supplier<Optional<AccountSession>> session;
    private final SyncHistory history;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final ObservableList<Row> audit = FXCollections.observableArrayList();
    private final ObservableList<Row> sync = FXCollections.observableArrayList();
    private final StringProperty auditMessage = new SimpleStringProperty("");

    /**
     * @param session the logged-in session when there is one (the audit log needs the server)
     * @param history this device's sync history, or null for a vault with no account
     */
    public ActivityViewModel(Supplier<Optional<AccountSession>> session, SyncHistory history, TaskExecutor executor,
                             ZoneId zone) {
        this.session = session;
        this.history = history;
        this.executor = executor;
        this.zone = zone;
    }

    /** Reloads both lists: the history from disk at once, the audit log from the server off the UI thread. */
    public void refresh() {
        sync.setAll(history == null ? List.of() : rows(AccountActivity.syncHistory(history)));
        Optional<AccountSession> s = session.get();
        if (history == null) {
            audit.clear();
            auditMessage.set("This vault is not linked to a sync account, so there is no account activity.");
            return;
        }
        if (s.isEmpty()) {
            auditMessage.set("The account's activity is shown once this device is signed in to the server.");
            return;
        }
        auditMessage.set("Loading the account's activity…");
        executor.submit(() -> rows(AccountActivity.auditLog(s.get())), loaded -> {
            audit.setAll(loaded);
            auditMessage.set(loaded.isEmpty() ? "No account activity yet." : "");
        }, e -> auditMessage.set("The account's activity could not be loaded: " + e.getMessage() + "."));
    }

    private List<Row> rows(List<AccountActivity.Event> events) {
        return events.stream().map(e -> new Row(e.at(), format(e.at()), e.what(), e.detail())).toList();
    }

    private String format(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    public ObservableList<Row> audit() {
        return audit;
    }

    public ObservableList<Row> syncHistory() {
        return sync;
    }

    public StringProperty auditMessageProperty() {
        return auditMessage;
    }
}
