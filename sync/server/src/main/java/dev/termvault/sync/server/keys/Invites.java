package dev.termvault.sync.server.keys;

import dev.termvault.sync.server.keys.crypto.MasterKey;
import dev.termvault.sync.server.keys.crypto.Secrets;
import dev.termvault.sync.server.keys.store.AccountStore;
import dev.termvault.sync.server.keys.store.SecretStore;
import dev.termvault.sync.server.keys.store.SignupCodeStore;
import dev.termvault.sync.server.store.Database;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Sign-up invites an operator issues ({@code termvault server invite --email E [--days N]}): a random code of
 * 100 bits tied to one email, stored only as an HMAC under a service secret, spent by the sign-up that uses it,
 * worthless after N days (default 7). At most 5 live invites per email; an email with an account gets none.
 */
final class Invites {

    static final int CODE_LENGTH = 20;
    static final int MAX_DAYS = 90;
    private static final int LIVE_PER_EMAIL = 5;

    private Invites() {
    }

    static int issue(Database db, AccountStore accounts, MasterKey masterKey, Map<String, String> options,
                     PrintStream out, PrintStream err) throws GeneralSecurityException {
        String email;
        int days;
        try {
            email = Inputs.email(options.get("email"));
            days = Integer.parseInt(options.getOrDefault("days", "7"));
        } catch (RuntimeException e) {
            err.println("keys admin: invite needs --email ADDRESS and --days 1 to " + MAX_DAYS);
            return 2;
        }
        if (days < 1 || days > MAX_DAYS) {
            err.println("keys admin: --days must be 1 to " + MAX_DAYS);
            return 2;
        }
        if (accounts.findByEmail(email).isPresent()) {
            err.println("keys admin: an account with " + email + " exists; it needs no invite");
            return 1;
        }
        Clock clock = Clock.systemUTC();
        Secrets secrets = new Secrets();
        ServiceSecrets serviceSecrets = ServiceSecrets.loadOrCreate(new SecretStore(db), masterKey, secrets, clock);
        String code = secrets.newCode(CODE_LENGTH);
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(days));
        new SignupCodeStore(db).add(serviceSecrets.codeHash(SignupCodeStore.INVITE, code), email,
                SignupCodeStore.INVITE, now.toEpochMilli(), expires.toEpochMilli(), LIVE_PER_EMAIL);
        out.println("Invite for " + email + " (one use, until " + expires + "):");
        out.println(grouped(code));
        out.println("Give it to the person; they sign up with this email and the invite code.");
        return 0;
    }

    static String grouped(String code) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < code.length(); i += 5) {
            b.append(i == 0 ? "" : "-").append(code, i, Math.min(code.length(), i + 5));
        }
        return b.toString();
    }
}
