package dev.termvault.app.desktop.account;

import dev.termvault.app.core.account.Account;
import dev.termvault.app.core.account.Devices;
import dev.termvault.app.desktop.TaskExecutor;
import dev.termvault.sync.client.AccountSession;
import dev.termvault.vault.Vault;
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

    private final Account.Status status;
    private final Supplier<Optional<AccountSession>> session;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final ObservableList<DeviceRow> devices = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");

    /** @param vault a vault linked to a sync account */
    public AccountViewModel(Vault vault, Supplier<Optional<AccountSession>> session, TaskExecutor executor,
                            ZoneId zone) {
        this.status = new Account(vault).local();
        this.session = session;
        this.executor = executor;
        this.zone = zone;
    }

    public String summary() {
        return "Signed in as " + status.email() + " on " + status.server();
    }

    public String fingerprint() {
        return status.fingerprint();
    }

    /** Loads the devices from the server. */
    public void refresh() {
        Optional<AccountSession> s = session.get();
        if (s.isEmpty()) {
            message.set("The devices are listed once this device is signed in to the server.");
            return;
        }
        message.set("Loading devices…");
        executor.submit(() -> new Devices(s.get()).list(), this::show,
                e -> message.set("The devices could not be loaded: " + e.getMessage() + "."));
    }

    private void show(List<Devices.Device> list) {
        devices.setAll(list.stream().map(d -> new DeviceRow(d.id(), d.name(),
                (d.revoked() ? "Revoked " + time(d.revokedAt()) : "Last seen " + time(d.lastSeenAt()))
                        + " · added " + time(d.addedAt()),
                d.current(), d.revoked())).toList());
        message.set("");
    }

    /** Revokes another device: its sessions stop at once (the core refuses this device, and says why). */
    public void revoke(DeviceRow device) {
        Optional<AccountSession> s = session.get();
        if (s.isEmpty()) {
            return;
        }
        Devices account = new Devices(s.get());
        executor.submit(() -> {
            account.revoke(device.id());
            return account.list();
        }, list -> {
            show(list);
            message.set("Revoked " + device.name() + ".");
        }, e -> message.set("The device could not be revoked: " + e.getMessage()
                + (e.getMessage().endsWith(".") ? "" : ".")));
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    public ObservableList<DeviceRow> devices() {
        return devices;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
