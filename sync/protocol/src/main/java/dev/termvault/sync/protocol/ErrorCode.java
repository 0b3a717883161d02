package dev.termvault.sync.protocol;

/**
 * Stable error codes and the HTTP status each one is sent with. The wire string never changes once
 * published; clients switch on it, not on the message.
 */
public enum ErrorCode {
    BAD_REQUEST("bad_request", 400),
    UNAUTHORIZED("unauthorized", 401),
    /** The token is valid but its device was revoked: refreshing will not help. */
    DEVICE_REVOKED("device_revoked", 401),
    /** The proof was right, but the account has a second factor and the request carried no answer for it. */
    SECOND_FACTOR_REQUIRED("second_factor_required", 401),
    /** The proof was right, but the second-factor answer was wrong, already used, or out of its time window. */
    SECOND_FACTOR_WRONG("second_factor_wrong", 401),
    FORBIDDEN("forbidden", 403),
    QUOTA_EXCEEDED("quota_exceeded", 403),
    NOT_FOUND("not_found", 404),
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    CONFLICT("conflict", 409),
    PAYLOAD_TOO_LARGE("payload_too_large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    RATE_LIMITED("rate_limited", 429),
    INTERNAL("internal", 500),
    UNAVAILABLE("unavailable", 503);

    private final String wire;
    private final int status;

    ErrorCode(String wire, int status) {
        this.wire = wire;
        this.status = status;
    }

    /** The string sent as {@code code}. */
    public String wire() {
        return wire;
    }

    /** The HTTP status sent with this code. */
    public int status() {
        return status;
    }

    /** The code for a wire string, or {@link #INTERNAL} for one this version does not know. */
    public static ErrorCode fromWire(String wire) {
        for (ErrorCode c : values()) {
            if (c.wire.equals(wire)) {
                return c;
            }
        }
        return INTERNAL;
    }
}
