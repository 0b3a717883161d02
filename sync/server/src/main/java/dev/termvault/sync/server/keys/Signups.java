package dev.termvault.sync.server.keys;

import dev.termvault.sync.protocol.keys.DeviceInfo;
import dev.termvault.sync.protocol.keys.WireKdfParams;
import dev.termvault.sync.protocol.keys.SignupRequest;
import dev.termvault.sync.protocol.keys.SignupResponse;
import dev.termvault.sync.server.ApiException;
import dev.termvault.sync.server.keys.crypto.MasterKey;
import dev.termvault.sync.server.keys.crypto.Secrets;
import dev.termvault.sync.server.keys.crypto.SrpGroup;
import dev.termvault.sync.server.keys.store.AccountRecord;
import dev.termvault.sync.server.keys.store.AccountStore;
import dev.termvault.sync.server.keys.store.AuditDraft;
import dev.termvault.sync.server.keys.store.DeviceRecord;
import dev.termvault.sync.server.keys.store.SignupAdmission;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-up under the server's {@link SignupPolicy}. Whatever the policy, an answer never depends on whether the
 * email has an account, except under {@code open}, which says so (409) and is an explicit opt-in. The first
 * account of a fresh server may be made without a code (unless turned off). A code is checked and spent in the
 * transaction that creates the account; a wrong, spent or expired code, and a right code for an email that
 * has an account, get the same {@code forbidden} answer and count toward the throttle of (email, address).
 */
final class Signups {

    private static final Logger LOG = LoggerFactory.getLogger(Signups.class);
    private static final String CODE_REFUSED = "this sign-up code is wrong, used or expired";

    /** An answer: its HTTP status (201 created, 202 a code is needed) and body. */
    record Answer(int status, SignupResponse body) {
    }

    private final SrpGroup group = SrpGroup.RFC5054_4096_SHA256;
    private final SignupPolicy policy;
    private final AccountStore accounts;
    private final MasterKey masterKey;
    private final Secrets secrets;
    private final ServiceSecrets serviceSecrets;
    private final LoginThrottle throttle;
    private final SignupMail mail;
    private final Clock clock;

    Signups(SignupPolicy policy, AccountStore accounts, MasterKey masterKey, Secrets secrets,
            ServiceSecrets serviceSecrets, LoginThrottle throttle, SignupMail mail, Clock clock) {
        this.policy = policy;
        this.accounts = accounts;
        this.masterKey = masterKey;
        this.secrets = secrets;
        this.serviceSecrets = serviceSecrets;
        this.throttle = throttle;
        this.mail = mail;
        this.clock = clock;
    }

    Answer signup(SignupRequest r, String address) {
        String email = Inputs.email(r.email());
        byte[] salt = Inputs.salt(r.salt());
        WireKdfParams kdf = Inputs.kdf(r.kdf());
        byte[] verifier = Inputs.verifier(r.verifier(), group);
        DeviceInfo device = Inputs.device(r.device());
        String code = Inputs.signupCode(r.code());
        Draft draft = new Draft(email, salt, kdf, verifier, device, address);
        if (policy.kind() == SignupPolicy.Kind.OPEN) {
            return created(create(draft, new SignupAdmission.Open()), true);
        }
        if (code == null) {
            if (policy.firstAccountWithoutCode() && !accounts.hasAccounts()
                    && create(draft, new SignupAdmission.FirstAccount()) instanceof Made made) {
                return created(made, true);
            }
            return askForCode(email, address);
        }
        String kind = policy.codeKind();
        String throttleKey = "signup|" + email;
        long wait = throttle.retryAfterSeconds(throttleKey, address);
        if (wait > 0) {
            throw new ApiException.RateLimited("too many wrong sign-up codes; try again later", (int) wait);
        }
        Outcome outcome = create(draft, new SignupAdmission.Code(serviceSecrets.codeHash(kind, code), kind));
        if (outcome instanceof Refused refused && refused.result() != AccountStore.Created.DEVICE_TAKEN) {
            throttle.failure(throttleKey, address);
            LOG.info("event=signup_code_refused");
            throw new ApiException.Forbidden(CODE_REFUSED);
        }
        return created(outcome, false);
    }

    private Answer askForCode(String email, String address) {
        if (policy.kind() == SignupPolicy.Kind.EMAIL) {
            mail.offer(email, address);
            return new Answer(202, new SignupResponse(null, SignupResponse.NEXT_EMAIL_CODE));
        }
        return new Answer(202, new SignupResponse(null, SignupResponse.NEXT_INVITE));
    }

    private record Draft(String email, byte[] salt, WireKdfParams kdf, byte[] verifier, DeviceInfo device,
                         String address) {
    }

    private sealed interface Outcome permits Made, Refused {
    }

    private record Made(String accountId) implements Outcome {
    }

    private record Refused(AccountStore.Created result) implements Outcome {
    }

    private Outcome create(Draft d, SignupAdmission admission) {
        String accountId = UUID.randomUUID().toString();
        byte[] share = secrets.newKey();
        AccountRecord account;
        try {
            account = new AccountRecord(accountId, d.email(), d.salt(), d.kdf(), d.verifier(),
                    masterKey.wrap(share, KeyService.shareContext(accountId)), clock.millis());
        } catch (GeneralSecurityException e) {
            LOG.error("event=master_key_failure type={}", e.getClass().getSimpleName());
            throw new ApiException.Unavailable("the key service cannot reach its master key; try again later");
        } finally {
            Arrays.fill(share, (byte) 0);
        }
        long now = clock.millis();
        AuditDraft signup = new AuditDraft(AuditEvent.SIGNUP, d.device().id(), d.address(), "");
        AccountStore.Created result = accounts.create(account,
                new DeviceRecord(d.device().id(), accountId, d.device().name(), now, now, null),
                List.of(signup, signup.as(AuditEvent.DEVICE_ADDED, d.device().name())), admission);
        if (result == AccountStore.Created.CREATED) {
            LOG.info("event=signup account={}", accountId);
            return new Made(accountId);
        }
        return new Refused(result);
    }

    /** The answer for a creation; {@code revealsEmail}: may say that the email is taken (open sign-up only). */
    private Answer created(Outcome outcome, boolean revealsEmail) {
        if (outcome instanceof Made made) {
            return new Answer(201, new SignupResponse(made.accountId()));
        }
        AccountStore.Created result = ((Refused) outcome).result();
        if (result == AccountStore.Created.DEVICE_TAKEN) {
            throw new ApiException.Conflict("this device id is taken; make a new one");
        }
        if (result == AccountStore.Created.EMAIL_TAKEN && revealsEmail) {
            throw new ApiException.Conflict("an account with this email exists");
        }
        throw new ApiException.Forbidden(CODE_REFUSED);
    }
}
