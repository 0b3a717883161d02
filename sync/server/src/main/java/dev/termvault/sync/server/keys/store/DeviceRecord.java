package dev.termvault.sync.server.keys.store;

/** A device row; {@code revokedAt} is null while the device is active. Times are epoch milliseconds. */
public record DeviceRecord(String id, String accountId, String name, long createdAt, long lastSeenAt, Long revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
