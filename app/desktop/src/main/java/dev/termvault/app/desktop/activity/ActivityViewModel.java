package dev.termvault.app.desktop.activity;

import dev.termvault.app.desktop.TaskExecutor;
import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.client.SyncHistory;
import dev.termvault.sync.protocol.keys.AuditEntryView;
import dev.termvault.sync.protocol.keys.AuditLogPage;
import dev.termvault.sync.protocol.keys.DeviceView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private static final int AUDIT_PAGE = 200;

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
        List<Row> rows = new ArrayList<>();
        if (history != null) {
            for (SyncHistory.Entry e : history.entries().reversed()) {
                rows.add(new Row(e.at(), format(e.at()), describe(e), e.detail()));
            }
        }
        sync.setAll(rows);
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
        executor.submit(() -> load(s.get()), loaded -> {
            audit.setAll(loaded);
            auditMessage.set(loaded.isEmpty() ? "No account activity yet." : "");
        }, e -> auditMessage.set("The account's activity could not be loaded: " + e.getMessage() + "."));
    }

    private List<Row> load(AccountSession s) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> plainNames = new HashMap<>();
        for (DeviceView d : s.devices()) {
            names.put(d.id(), d.name() + (d.current() ? " (this device)" : ""));
            plainNames.put(d.id(), d.name());
        }
        List<AuditEntryView> entries = new ArrayList<>();
        long after = 0;
        AuditLogPage page;
        do {
            page = s.auditLog(after, AUDIT_PAGE);
            entries.addAll(page.entries());
            if (page.entries().isEmpty()) {
                break;
            }
            after = page.entries().getLast().seq();
        } while (after < page.headSeq());
        List<Row> rows = new ArrayList<>();
        for (AuditEntryView e : entries.reversed()) {
            Instant at = Instant.ofEpochMilli(e.at());
            String device = e.deviceId() == null || e.deviceId().isEmpty() ? ""
                    : names.getOrDefault(e.deviceId(), "device " + shortId(e.deviceId()));
            StringBuilder detail = new StringBuilder(device);
            if (e.detail() != null && !e.detail().isEmpty() && !e.detail().equals(plainNames.get(e.deviceId()))) {
                detail.append(detail.isEmpty() ? "" : " · ").append(e.detail());
            }
            if (e.address() != null && !e.address().isEmpty()) {
                detail.append(detail.isEmpty() ? "" : " · ").append("from ").append(e.address());
            }
            rows.add(new Row(at, format(at), auditEvent(e.event()), detail.toString()));
        }
        return rows;
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    /** A key service event name as a person reads it. */
    public static String auditEvent(String event) {
        return switch (event == null ? "" : event) {
            case "signup" -> "Account created";
            case "login" -> "Signed in";
            case "login_failed" -> "Failed sign-in attempt";
            case "share_released" -> "Key share released";
            case "device_added" -> "Device added";
            case "device_renamed" -> "Device renamed";
            case "device_revoked" -> "Device revoked";
            case "password_changed" -> "Master password changed";
            case "secret_key_rotated" -> "Secret Key replaced";
            case "share_rewrapped" -> "Key share re-wrapped (server key rotation)";
            default -> event;
        };
    }

    private static String describe(SyncHistory.Entry e) {
        return switch (e.kind()) {
            case PULL -> "Pulled";
            case PUSH -> "Pushed";
            case CONFLICT -> "Conflict";
            case ERROR -> e.count() > 1 ? "Error (" + e.count() + " times)" : "Error";
        };
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
