package dev.termvault.app.core.account;

import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.client.SyncHistory;
import dev.termvault.sync.protocol.keys.AuditEntryView;
import dev.termvault.sync.protocol.keys.AuditLogPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Activity, newest first: the key service's audit log of the account (sign-ups, logins, share releases, device
 * and password changes), with device ids named, and this device's sync history (pulls, pushes, conflicts,
 * errors), which every sync pass writes whichever front end ran it.
 */
public final class AccountActivity {

    /** One event: when, what (as a person reads it) and details (may be empty). */
    public record Event(Instant at, String what, String detail) {
    }

    private static final int AUDIT_PAGE = 200;

    private AccountActivity() {
    }

    /** The account's audit log, every page of it, newest first (needs the server). */
    public static List<Event> auditLog(AccountSession session) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> plainNames = new HashMap<>();
        for (Devices.Device d : new Devices(session).list()) {
            names.put(d.id(), d.name() + (d.current() ? " (this device)" : ""));
            plainNames.put(d.id(), d.name());
        }
        List<AuditEntryView> entries = new ArrayList<>();
        long after = 0;
        AuditLogPage page;
        do {
            page = session.auditLog(after, AUDIT_PAGE);
            entries.addAll(page.entries());
            if (page.entries().isEmpty()) {
                break;
            }
            after = page.entries().getLast().seq();
        } while (after < page.headSeq());
        List<Event> events = new ArrayList<>();
        for (AuditEntryView e : entries.reversed()) {
            String device = e.deviceId() == null || e.deviceId().isEmpty() ? ""
                    : names.getOrDefault(e.deviceId(), "device " + shortId(e.deviceId()));
            StringBuilder detail = new StringBuilder(device);
            if (e.detail() != null && !e.detail().isEmpty() && !e.detail().equals(plainNames.get(e.deviceId()))) {
                detail.append(detail.isEmpty() ? "" : " · ").append(e.detail());
            }
            if (e.address() != null && !e.address().isEmpty()) {
                detail.append(detail.isEmpty() ? "" : " · ").append("from ").append(e.address());
            }
            events.add(new Event(Instant.ofEpochMilli(e.at()), auditEvent(e.event()), detail.toString()));
        }
        return events;
    }

    /** This device's sync history, newest first. */
    public static List<Event> syncHistory(SyncHistory history) {
        return history.entries().reversed().stream().map(e -> new Event(e.at(), describe(e), e.detail())).toList();
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

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
