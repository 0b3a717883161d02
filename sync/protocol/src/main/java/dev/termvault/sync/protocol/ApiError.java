package dev.termvault.sync.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one error body every endpoint answers with: {@code {"code": "...", "message": "..."}}.
 *
 * <p>{@code code} is one of {@link ErrorCode}'s stable strings, meant for programs; {@code message} is safe
 * to show a person and never carries a secret, a token or a request body. {@code retryAfterSeconds} is set
 * only with {@code rate_limited}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String code, String message, Integer retryAfterSeconds) {

    public ApiError(String code, String message) {
        this(code, message, null);
    }

    public static ApiError of(ErrorCode code, String message) {
        return new ApiError(code.wire(), message, null);
    }
}
