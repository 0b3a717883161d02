package dev.termvault.app.desktop.account;

import dev.termvault.app.desktop.TaskExecutor;
import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.protocol.keys.DeviceView;
import dev.termvault.vault.sync.SyncLink;
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

/** The Account section for a linked vault: the server and email, and the account's devices with revoke. */
public final class AccountViewModel {

    /** A device as listed. */
    public record DeviceRow(String id, String name, String detail, boolean current, boolean revoked) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final SyncLink link;
    private final Supplier<Optional<AccountSession>> session;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final ObservableList<DeviceRow> devices = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");

    public AccountViewModel(SyncLink link, Supplier<Optional<AccountSession>> session, TaskExecutor executor,
                            ZoneId zone) {
        this.link = link;
        this.session = session;
        this.executor = executor;
        this.zone = zone;
    }

    public String summary() {
        return "Signed in as " + link.email() + " on " + link.serverUrl();
    }

    public String fingerprint() {
        return link.fingerprint();
    }

    /** Loads the devices from the server. */
    public void refresh() {
        Optional<AccountSession> s = session.get();
        if (s.isEmpty()) {
            message.set("The devices are listed once this device is signed in to the server.");
            return;
        }
        message.set("Loading devices…");
        executor.submit(() -> s.get().devices(), this::show,
                e -> message.set("The devices could not be loaded: " + e.getMessage() + "."));
    }

    private void show(List<DeviceView> list) {
        devices.setAll(list.stream().map(d -> new DeviceRow(d.id(), d.name(),
                (d.revokedAt() != null ? "Revoked " + time(d.revokedAt()) : "Last seen " + time(d.lastSeenAt()))
                        + " · added " + time(d.createdAt()),
                d.current(), d.revokedAt() != null)).toList());
        message.set("");
    }

    /** Revokes another device: its sessions stop at once. */
    public void revoke(DeviceRow device) {
        Optional<AccountSession> s = session.get();
        if (s.isEmpty() || device.current() || device.revoked()) {
            return;
        }
        executor.submit(() -> {
            s.get().revokeDevice(device.id());
            return s.get().devices();
        }, list -> {
            show(list);
            message.set("Revoked " + device.name() + ".");
        }, e -> message.set("The device could not be revoked: " + e.getMessage() + "."));
    }

    private String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    public ObservableList<DeviceRow> devices() {
        return devices;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
