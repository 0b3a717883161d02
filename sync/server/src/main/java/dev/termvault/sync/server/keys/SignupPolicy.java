package dev.termvault.sync.server.keys;

import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.keys.store.SignupCodeStore;
import java.time.Duration;
import java.util.Locale;

/**
 * Who may create an account ({@code keys.signup.policy}): {@code invite} (the default: an invite an operator
 * issued with {@code termvault server invite --email ...}), {@code email} (a code the key service mails to the
 * address, {@code keys.smtp.*}), or {@code open} (anyone, without proof: this reveals whether an email has an
 * account, and lets anyone take an unused email first). With {@code keys.signup.firstAccountWithoutCode}
 * (default true) the first account of a store that has none needs no code, so a fresh server can be used at once.
 */
record SignupPolicy(Kind kind, boolean firstAccountWithoutCode, Duration emailCodeLifetime,
                    int mailsPerAddressPerHour, int mailsPerEmailPerHour) {

    enum Kind { INVITE, EMAIL, OPEN }

    static final Duration DEFAULT_EMAIL_CODE_LIFETIME = Duration.ofMinutes(30);

    static SignupPolicy from(ServerConfig config) {
        String name = config.get("keys.signup.policy", "invite").strip().toLowerCase(Locale.ROOT);
        Kind kind = switch (name) {
            case "invite" -> Kind.INVITE;
            case "email" -> Kind.EMAIL;
            case "open" -> Kind.OPEN;
            default -> throw new IllegalArgumentException("keys.signup.policy must be invite, email or open");
        };
        return new SignupPolicy(kind, config.getBoolean("keys.signup.firstAccountWithoutCode", true),
                Duration.ofMinutes(config.getLong("keys.signup.codeMinutes", DEFAULT_EMAIL_CODE_LIFETIME.toMinutes())),
                config.getInt("keys.signup.mailsPerAddressPerHour", 10),
                config.getInt("keys.signup.mailsPerEmailPerHour", 5));
    }

    /** The kind of code this policy accepts. */
    String codeKind() {
        return kind == Kind.EMAIL ? SignupCodeStore.EMAIL : SignupCodeStore.INVITE;
    }
}
