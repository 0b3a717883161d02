package dev.termvault.sync.protocol.keys;

import java.util.List;

/**
 * {@code GET /v1/keys/account/second-factor} (access token): the account's factors (an unconfirmed one has
 * {@code active} false and is not asked for) and how many recovery codes are still unused.
 */
public record SecondFactorStatus(List<Factor> factors, int recoveryCodesLeft) {

    public SecondFactorStatus {
        factors = List.copyOf(factors);
    }

    /** One factor: its kind ("totp"), whether it is asked for, and when it was made and confirmed (epoch ms). */
    public record Factor(String kind, boolean active, long createdAt, Long confirmedAt) {
    }
}
