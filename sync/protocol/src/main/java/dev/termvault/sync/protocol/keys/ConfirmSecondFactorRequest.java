package dev.termvault.sync.protocol.keys;

/** {@code POST /v1/keys/account/second-factor/totp/confirm} (access token): the first code the app shows. */
public record ConfirmSecondFactorRequest(String code) {

    @Override
    public String toString() {
        return "ConfirmSecondFactorRequest[…]";
    }
}
