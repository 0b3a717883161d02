package dev.termvault.app.desktop.sync;

import dev.termvault.app.desktop.common.RelativeTime;
import dev.termvault.sync.client.SyncStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The status bar's text: online, offline or syncing, the pending changes, the last sync as a relative time
 * (refreshed by {@link #tick}), and the last error with its details. For a vault with no account it says so.
 * Fed with {@link SyncStatus} on the UI thread.
 */
public final class SyncStatusViewModel {

    /** How the state is shown. */
    public enum Tone { NEUTRAL, SUCCESS, BUSY, WARNING, DANGER }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final ZoneId zone;
    private final BooleanProperty linked = new SimpleBooleanProperty();
    private final StringProperty state = new SimpleStringProperty("");
    private final ObjectProperty<Tone> tone = new SimpleObjectProperty<>(Tone.NEUTRAL);
    private final StringProperty pending = new SimpleStringProperty("");
    private final StringProperty lastSync = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty errorDetails = new SimpleStringProperty("");
    private SyncStatus status;
    private SyncStatus.State settled;
    private Instant errorSince;
    private Instant now = Instant.now();

    public SyncStatusViewModel(ZoneId zone) {
        this.zone = zone;
        showLocal();
    }

    /** The vault has no sync account: nothing else is shown. */
    public void showLocal() {
        status = null;
        linked.set(false);
        state.set("Local vault (not synced)");
        tone.set(Tone.NEUTRAL);
        pending.set("");
        lastSync.set("");
        error.set("");
        errorDetails.set("");
    }

    /** Shows a new status from the background sync. */
    public void update(SyncStatus next) {
        if (next.lastError() != null && (status == null || !next.lastError().equals(status.lastError()))) {
            errorSince = now;
        }
        status = next;
        if (next.state() != SyncStatus.State.SYNCING) {
            settled = next.state();
        }
        linked.set(true);
        render();
    }

    /** Moves the clock (the relative time of the last sync changes with it). */
    public void tick(Instant time) {
        now = time;
        if (status != null) {
            render();
        }
    }

    private void render() {
        SyncStatus s = status;
        // A retry after a failure keeps showing the failure (offline, failed) instead of flickering to
        // "Syncing" at every backoff step; the retry's outcome replaces it.
        SyncStatus.State shown = s.state() == SyncStatus.State.SYNCING && s.lastError() != null && settled != null
                ? settled : s.state();
        switch (shown) {
            case ONLINE -> {
                state.set("Online");
                tone.set(Tone.SUCCESS);
            }
            case OFFLINE -> {
                state.set("Offline");
                tone.set(Tone.WARNING);
            }
            case SYNCING -> {
                state.set("Syncing…");
                tone.set(Tone.BUSY);
            }
            case FAILED -> {
                state.set("Sync failed");
                tone.set(Tone.DANGER);
            }
            case STOPPED -> {
                state.set("Sync paused");
                tone.set(Tone.NEUTRAL);
            }
        }
        pending.set(pendingText(s.pending()));
        lastSync.set(s.lastSync() == null ? "Not synced yet" : "Last sync " + RelativeTime.ago(s.lastSync(), now));
        error.set(s.lastError() == null ? "" : firstSentence(s.lastError()));
        errorDetails.set(s.lastError() == null ? "" : details(s));
    }

    private SyncStatus.State shown(SyncStatus s) {
        return s.state() == SyncStatus.State.SYNCING && settled != null ? settled : s.state();
    }

    /** "All changes synced", "1 change pending", "3 changes pending". */
    public static String pendingText(int count) {
        return count == 0 ? "All changes synced" : count == 1 ? "1 change pending" : count + " changes pending";
    }

    private static String firstSentence(String message) {
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 90 ? line.substring(0, 89) + "…" : line;
    }

    private String details(SyncStatus s) {
        StringBuilder text = new StringBuilder();
        text.append(s.lastError().strip());
        if (!s.lastError().strip().endsWith(".")) {
            text.append('.');
        }
        text.append("\n\n");
        if (errorSince != null) {
            text.append("First seen: ").append(TIME.format(errorSince.atZone(zone))).append('\n');
        }
        text.append("Last successful sync: ").append(s.lastSync() == null ? "none since the app started"
                : TIME.format(s.lastSync().atZone(zone))).append('\n');
        text.append("Changes waiting on this device: ").append(s.pending()).append("\n\n");
        text.append(switch (shown(s)) {
            case OFFLINE, SYNCING -> "The server cannot be reached. Everything can still be read and edited here;"
                    + " the changes wait on this device and are sent when the server is back (retried"
                    + " automatically, or use Sync now).";
            case FAILED -> "The server's answer was refused, so nothing on this device was overwritten. Sync is"
                    + " retried slowly; if this persists, check the server address and this device's access"
                    + " (Account).";
            default -> "Nothing on this device was lost.";
        });
        return text.toString();
    }

    /** The status shown, or null for a local vault. */
    public SyncStatus status() {
        return status;
    }

    public ReadOnlyBooleanProperty linkedProperty() {
        return linked;
    }

    public ReadOnlyStringProperty stateProperty() {
        return state;
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone;
    }

    public ReadOnlyStringProperty pendingProperty() {
        return pending;
    }

    public ReadOnlyStringProperty lastSyncProperty() {
        return lastSync;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty errorDetailsProperty() {
        return errorDetails;
    }
}
