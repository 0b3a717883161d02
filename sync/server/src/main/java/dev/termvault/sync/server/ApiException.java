package dev.termvault.sync.server;

import dev.termvault.sync.protocol.ErrorCode;

/**
 * A request the server refuses, with a stable {@link ErrorCode} and a message safe to show a person (never a
 * secret, a token or a piece of the body). The server core answers it as {@code ApiError} JSON with the
 * code's status. Roles throw these from their handlers.
 */
public abstract sealed class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ErrorCode code;

    private ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** Seconds a client should wait, for {@code rate_limited}; null otherwise. */
    public Integer retryAfterSeconds() {
        return null;
    }

    public static final class BadRequest extends ApiException {
        private static final long serialVersionUID = 1L;

        public BadRequest(String message) {
            super(ErrorCode.BAD_REQUEST, message);
        }
    }

    public static final class Unauthorized extends ApiException {
        private static final long serialVersionUID = 1L;

        public Unauthorized(String message) {
            super(ErrorCode.UNAUTHORIZED, message);
        }
    }

    /** An access token of a revoked device: 401 with its own code, so a client does not try to refresh. */
    public static final class DeviceRevoked extends ApiException {
        private static final long serialVersionUID = 1L;

        public DeviceRevoked(String message) {
            super(ErrorCode.DEVICE_REVOKED, message);
        }
    }

    /** A right proof without the answer the account's second factor needs: nothing was released. */
    public static final class SecondFactorRequired extends ApiException {
        private static final long serialVersionUID = 1L;

        public SecondFactorRequired(String message) {
            super(ErrorCode.SECOND_FACTOR_REQUIRED, message);
        }
    }

    /** A right proof with a wrong, replayed or expired second-factor answer: nothing was released. */
    public static final class SecondFactorWrong extends ApiException {
        private static final long serialVersionUID = 1L;

        public SecondFactorWrong(String message) {
            super(ErrorCode.SECOND_FACTOR_WRONG, message);
        }
    }

    public static final class Forbidden extends ApiException {
        private static final long serialVersionUID = 1L;

        public Forbidden(String message) {
            super(ErrorCode.FORBIDDEN, message);
        }
    }

    public static final class NotFound extends ApiException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(ErrorCode.NOT_FOUND, message);
        }
    }

    public static final class Conflict extends ApiException {
        private static final long serialVersionUID = 1L;

        public Conflict(String message) {
            super(ErrorCode.CONFLICT, message);
        }
    }

    public static final class PayloadTooLarge extends ApiException {
        private static final long serialVersionUID = 1L;

        public PayloadTooLarge(String message) {
            super(ErrorCode.PAYLOAD_TOO_LARGE, message);
        }
    }

    public static final class UnsupportedMediaType extends ApiException {
        private static final long serialVersionUID = 1L;

        public UnsupportedMediaType(String message) {
            super(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message);
        }
    }

    public static final class QuotaExceeded extends ApiException {
        private static final long serialVersionUID = 1L;

        public QuotaExceeded(String message) {
            super(ErrorCode.QUOTA_EXCEEDED, message);
        }
    }

    public static final class RateLimited extends ApiException {
        private static final long serialVersionUID = 1L;
        private final int retryAfterSeconds;

        public RateLimited(String message, int retryAfterSeconds) {
            super(ErrorCode.RATE_LIMITED, message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public Integer retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    public static final class Unavailable extends ApiException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(ErrorCode.UNAVAILABLE, message);
        }
    }
}
