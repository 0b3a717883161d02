package dev.termvault.sync.protocol.keys;

/**
 * The answer to an account's second factor, sent beside an SRP proof: {@code kind} {@value #TOTP} with the
 * 6-digit code of the authenticator app, or {@value #RECOVERY} with one of the account's one-time recovery
 * codes. {@code toString()} never shows the code.
 */
public record SecondFactorAnswer(String kind, String code) {

    public static final String TOTP = "totp";
    public static final String RECOVERY = "recovery";

    public static SecondFactorAnswer totp(String code) {
        return new SecondFactorAnswer(TOTP, code);
    }

    public static SecondFactorAnswer recovery(String code) {
        return new SecondFactorAnswer(RECOVERY, code);
    }

    @Override
    public String toString() {
        return "SecondFactorAnswer[" + kind + "]";
    }
}
