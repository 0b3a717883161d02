package dev.termvault.sync.protocol.keys;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code POST /v1/keys/login/finish}: the client's A and M1 for {@code loginId}, the device logging in, and,
 * when the account has a second factor, the answer for it ({@code secondFactor}, absent otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoginFinishRequest(String loginId, byte[] a, byte[] m1, DeviceInfo device,
                                 SecondFactorAnswer secondFactor) {

    /** A login without a second-factor answer. */
    public LoginFinishRequest(String loginId, byte[] a, byte[] m1, DeviceInfo device) {
        this(loginId, a, m1, device, null);
    }
}
