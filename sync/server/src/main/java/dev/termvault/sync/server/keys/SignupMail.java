package dev.termvault.sync.server.keys;

import dev.termvault.sync.server.keys.crypto.Secrets;
import dev.termvault.sync.server.keys.mail.Mailer;
import dev.termvault.sync.server.keys.store.AccountStore;
import dev.termvault.sync.server.keys.store.SignupCodeStore;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail of an email-verified sign-up. For every request it does the same work: looks the email up, stores a
 * new code's HMAC (at most 3 live per email) and queues one mail. An address without an account is mailed
 * the code; one with an account is mailed a notice that someone tried to sign up with it (the code stored for
 * it is never sent, and a code cannot create an account for a taken email anyway). Mails are limited per
 * requesting address block and per recipient; over the limit the request is answered the same and no mail goes.
 */
final class SignupMail {

    private static final Logger LOG = LoggerFactory.getLogger(SignupMail.class);
    static final int CODE_LENGTH = 10;
    private static final int LIVE_CODES_PER_EMAIL = 3;

    private final AccountStore accounts;
    private final SignupCodeStore codes;
    private final ServiceSecrets serviceSecrets;
    private final Secrets secrets;
    private final Mailer mailer;
    private final Clock clock;
    private final Duration lifetime;
    private final AddressRate perAddress;
    private final AddressRate perEmail;

    SignupMail(AccountStore accounts, SignupCodeStore codes, ServiceSecrets serviceSecrets, Secrets secrets,
               Mailer mailer, Clock clock, SignupPolicy policy) {
        this.accounts = accounts;
        this.codes = codes;
        this.serviceSecrets = serviceSecrets;
        this.secrets = secrets;
        this.mailer = mailer;
        this.clock = clock;
        this.lifetime = policy.emailCodeLifetime();
        this.perAddress = new AddressRate(clock, policy.mailsPerAddressPerHour(), Duration.ofHours(1), 100_000);
        this.perEmail = new AddressRate(clock, policy.mailsPerEmailPerHour(), Duration.ofHours(1), 100_000);
    }

    /** Makes, stores and mails a code for {@code email} (or the notice), within the limits. */
    void offer(String email, String address) {
        boolean known = accounts.findByEmail(email).isPresent();
        String code = secrets.newCode(CODE_LENGTH);
        long now = clock.millis();
        codes.add(serviceSecrets.codeHash(SignupCodeStore.EMAIL, code), email, SignupCodeStore.EMAIL, now,
                now + lifetime.toMillis(), LIVE_CODES_PER_EMAIL);
        if (perAddress.take(address) > 0 || perEmail.take(email) > 0) {
            LOG.info("event=signup_mail_limited");
            return;
        }
        if (known) {
            mailer.send(email, "Someone tried to create a Termvault account with this address", notice());
        } else {
            mailer.send(email, "Your Termvault sign-up code", codeMail(code));
        }
    }

    /** A code grouped for reading: XXXXX-XXXXX. */
    static String grouped(String code) {
        return code.substring(0, 5) + "-" + code.substring(5);
    }

    private String codeMail(String code) {
        return "Your code to create a Termvault account with this address is:\n\n    " + grouped(code) + "\n\n"
                + "It works once and expires in " + lifetime.toMinutes() + " minutes. If you did not ask for it, "
                + "ignore this message: no account is made without the code.\n";
    }

    private static String notice() {
        return "Someone (perhaps you) asked to create a Termvault account with this address, which already has "
                + "one. Nothing was changed and no new account can be made with it. To use your account, log in "
                + "with your email, master password and Secret Key.\n";
    }
}
