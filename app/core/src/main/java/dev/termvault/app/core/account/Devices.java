package dev.termvault.app.core.account;

import dev.termvault.app.core.CoreException;
import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.protocol.keys.DeviceView;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The devices of a logged-in account: list, rename and revoke. A device is named by what a person types: its
 * name exactly, else its name ignoring case, else its id or a unique prefix of at least six characters; among
 * several devices of one name (a revoked one and the one that replaced it) the only active one is meant.
 */
public final class Devices {

    private static final int MIN_ID_PREFIX = 6;

    /**
     * A device as listed.
     *
     * @param revokedAt when it was revoked, or null while it is active
     * @param current   whether it is the device this session runs on
     */
    public record Device(String id, String name, Instant addedAt, Instant lastSeenAt, Instant revokedAt,
                         boolean current) {
        public boolean revoked() {
            return revokedAt != null;
        }

        static Device of(DeviceView v) {
            return new Device(v.id(), v.name(), Instant.ofEpochMilli(v.createdAt()),
                    Instant.ofEpochMilli(v.lastSeenAt()), v.revokedAt() == null ? null
                    : Instant.ofEpochMilli(v.revokedAt()), v.current());
        }
    }

    private final AccountSession session;

    public Devices(AccountSession session) {
        this.session = session;
    }

    /** The account's devices, as the server lists them. */
    public List<Device> list() {
        return session.devices().stream().map(Device::of).toList();
    }

    /**
     * The device {@code reference} names.
     *
     * @throws CoreException.NotFound  when none answers
     * @throws CoreException.Ambiguous when several do
     */
    public Device find(String reference) {
        return resolve(list(), reference);
    }

    /**
     * Renames a device (this one too).
     *
     * @return the device with its new name
     * @throws CoreException.Invalid when the new name is blank
     */
    public Device rename(String reference, String newName) {
        String name = newName == null ? "" : newName.strip();
        if (name.isEmpty()) {
            throw new CoreException.Invalid("A device name must not be empty.", java.util.Map.of("name",
                    "A device name must not be empty."));
        }
        Device device = find(reference);
        session.renameDevice(device.id(), name);
        return new Device(device.id(), name, device.addedAt(), device.lastSeenAt(), device.revokedAt(),
                device.current());
    }

    /**
     * Revokes another device: its sessions stop at once and it can no longer sync.
     *
     * @return the device as it was before
     * @throws CoreException.Invalid for this device (revoke it from another one) or one revoked already
     */
    public Device revoke(String reference) {
        Device device = find(reference);
        if (device.current()) {
            throw new CoreException.Invalid("\"" + device.name() + "\" (" + device.id() + ") is this device: it"
                    + " cannot revoke itself. Revoke it from another device of the account.");
        }
        if (device.revoked()) {
            throw new CoreException.Invalid("\"" + device.name() + "\" (" + device.id() + ") was revoked already.");
        }
        session.revokeDevice(device.id());
        return device;
    }

    static Device resolve(List<Device> devices, String reference) {
        String ref = reference == null ? "" : reference.strip();
        String folded = ref.toLowerCase(Locale.ROOT);
        for (Predicate<Device> rule : List.<Predicate<Device>>of(d -> d.name().equals(ref),
                d -> d.name().toLowerCase(Locale.ROOT).equals(folded),
                d -> d.id().equals(ref) || (ref.length() >= MIN_ID_PREFIX && d.id().startsWith(ref)))) {
            List<Device> matches = devices.stream().filter(rule).toList();
            if (matches.size() > 1) {
                List<Device> active = matches.stream().filter(d -> !d.revoked()).toList();
                matches = active.size() == 1 ? active : matches;
            }
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.size() > 1) {
                List<String> names = matches.stream().map(d -> d.name() + " (" + d.id() + ")").toList();
                throw new CoreException.Ambiguous("Several devices answer to \"" + ref + "\": "
                        + String.join(", ", names) + ". Use the device id.", names);
            }
        }
        throw new CoreException.NotFound("No device of the account is called \"" + ref + "\".");
    }
}
