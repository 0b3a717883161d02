package dev.termvault.sync.client;

import dev.termvault.sync.protocol.keys.SecondFactorAnswer;

/**
 * What a person answers a second-factor question with: the current code of the authenticator app, or one of
 * the account's one-time recovery codes. {@code toString()} never shows the code.
 */
public record SecondFactorCode(Kind kind, String code) {

    /** The two kinds of answer. */
    public enum Kind { TOTP, RECOVERY }

    public SecondFactorCode {
        if (kind == null || code == null || code.isBlank()) {
            throw new IllegalArgumentException("a second-factor answer needs a kind and a code");
        }
        code = code.strip();
    }

    public static SecondFactorCode totp(String code) {
        return new SecondFactorCode(Kind.TOTP, code.replace(" ", ""));
    }

    public static SecondFactorCode recovery(String code) {
        return new SecondFactorCode(Kind.RECOVERY, code);
    }

    SecondFactorAnswer wire() {
        return kind == Kind.TOTP ? SecondFactorAnswer.totp(code) : SecondFactorAnswer.recovery(code);
    }

    @Override
    public String toString() {
        return "SecondFactorCode[" + kind + "]";
    }
}
