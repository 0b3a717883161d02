package dev.termvault.sync.server.keys;

import java.util.Locale;

/** What an audit entry records; {@link #wire()} is the stable name in the API and the hash. */
public enum AuditEvent {
    SIGNUP,
    LOGIN,
    LOGIN_FAILED,
    SHARE_RELEASED,
    DEVICE_ADDED,
    DEVICE_RENAMED,
    DEVICE_REVOKED,
    PASSWORD_CHANGED,
    SECRET_KEY_ROTATED,
    SHARE_REWRAPPED,
    SECOND_FACTOR_ENROLLED,
    SECOND_FACTOR_CONFIRMED,
    SECOND_FACTOR_ACCEPTED,
    SECOND_FACTOR_REFUSED,
    RECOVERY_CODE_USED,
    SECOND_FACTOR_REMOVED,
    SECOND_FACTOR_REWRAPPED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
