package dev.termvault.sync.server.keys.factor;

import dev.termvault.sync.protocol.keys.SecondFactorAnswer;
import dev.termvault.sync.protocol.keys.SecondFactorStatus;
import dev.termvault.sync.server.ApiException;
import dev.termvault.sync.server.keys.AuditEvent;
import dev.termvault.sync.server.keys.crypto.RecoveryCodes;
import dev.termvault.sync.server.keys.crypto.Secrets;
import dev.termvault.sync.server.keys.store.AuditDraft;
import dev.termvault.sync.server.keys.store.FactorStore;
import dev.termvault.sync.server.keys.store.StoredFactor;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's second factors, whatever their kind: enrolment (pending until a first valid answer confirms
 * it, which also issues the recovery codes), the check that gates the release of the service share, and
 * removal. Every use is audit-logged; an answer is accepted at most once (its counter must rise, a recovery
 * code is spent). Throttling stays with the caller, which owns the login back-off.
 */
public final class SecondFactors {

    private static final Logger LOG = LoggerFactory.getLogger(SecondFactors.class);
    /** How long a new factor waits for its confirming answer. */
    public static final Duration CONFIRM_WITHIN = Duration.ofMinutes(10);

    /** What a checked answer authorises; named in the audit entry. */
    public enum Purpose {
        LOGIN("login"), PASSWORD_CHANGE("password change"), SECRET_KEY_ROTATION("secret key rotation"),
        REMOVAL("removal");

        private final String text;

        Purpose(String text) {
            this.text = text;
        }
    }

    /** How a check went. */
    public enum Outcome {
        /** The account has no active factor: nothing to ask. */
        NOT_ENROLLED,
        ACCEPTED,
        /** The account has an active factor and the request carried no answer. */
        MISSING,
        /** Wrong, malformed, outside its window, or already used. */
        WRONG
    }

    private final FactorStore store;
    private final Map<String, SecondFactor> kinds;
    private final Secrets secrets;
    private final Clock clock;

    public SecondFactors(FactorStore store, List<SecondFactor> kinds, Secrets secrets, Clock clock) {
        this.store = store;
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(SecondFactor::kind, Function.identity()));
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Checks the answer for the account's active factor (a code of that kind, or a recovery code) and records
     * its use; a refused answer is audited too. Call only after a right SRP proof.
     */
    public Outcome check(String accountId, SecondFactorAnswer answer, Purpose purpose, String deviceId,
                         String address) {
        Optional<StoredFactor> active = store.list(accountId).stream().filter(StoredFactor::active).findFirst();
        if (active.isEmpty()) {
            return Outcome.NOT_ENROLLED;
        }
        if (answer == null || answer.code() == null || answer.code().isBlank()) {
            return Outcome.MISSING;
        }
        String kind = SecondFactorAnswer.RECOVERY.equals(answer.kind()) ? SecondFactorAnswer.RECOVERY
                : active.get().kind();
        AuditDraft used = new AuditDraft(AuditEvent.SECOND_FACTOR_ACCEPTED, deviceId, address,
                kind + " for " + purpose.text);
        boolean accepted;
        if (kind.equals(SecondFactorAnswer.RECOVERY)) {
            accepted = RecoveryCodes.wellFormed(answer.code()) && store.useRecoveryCode(accountId,
                    RecoveryCodes.hash(accountId, answer.code()), used.as(AuditEvent.RECOVERY_CODE_USED,
                            "for " + purpose.text)).isPresent();
        } else {
            accepted = kind.equals(answer.kind()) && accept(active.get(), answer.code(), used);
        }
        if (!accepted) {
            store.audit(accountId, used.as(AuditEvent.SECOND_FACTOR_REFUSED, used.detail()));
            LOG.info("event=second_factor_refused account={} kind={}", accountId, kind);
            return Outcome.WRONG;
        }
        LOG.info("event=second_factor_accepted account={} kind={}", accountId, kind);
        return Outcome.ACCEPTED;
    }

    private boolean accept(StoredFactor factor, String code, AuditDraft used) {
        OptionalLong counter = verify(factor, code);
        return counter.isPresent() && store.advance(factor.accountId(), factor.kind(), counter.getAsLong(), used);
    }

    /** Whether the account has an active factor (one that logins must answer). */
    public boolean active(String accountId) {
        return store.list(accountId).stream().anyMatch(StoredFactor::active);
    }

    /**
     * Makes a new, inactive factor of {@code kind} (replacing an unconfirmed one). Refused with
     * {@code conflict} while the account has an active factor.
     */
    public SecondFactor.Enrolment begin(String accountId, String email, String kind, String deviceId,
                                        String address) {
        SecondFactor factor = kind(kind);
        SecondFactor.Enrolment enrolment;
        try {
            enrolment = factor.begin(accountId, email);
        } catch (GeneralSecurityException e) {
            throw masterKeyDown(e);
        }
        if (!store.putPending(accountId, kind, enrolment.stored(),
                new AuditDraft(AuditEvent.SECOND_FACTOR_ENROLLED, deviceId, address, kind))) {
            throw new ApiException.Conflict("this account already has a second factor; remove it first");
        }
        LOG.info("event=second_factor_enrolled account={} kind={}", accountId, kind);
        return enrolment;
    }

    /**
     * Activates the pending factor of {@code kind} with its first valid answer and returns the new recovery
     * codes (their hashes replace any earlier ones). A wrong answer is audited and refused.
     */
    public List<String> confirm(String accountId, String kind, String answer, String deviceId, String address) {
        StoredFactor pending = store.list(accountId).stream().filter(f -> f.kind().equals(kind) && !f.active())
                .findFirst()
                .filter(f -> f.createdAt() + CONFIRM_WITHIN.toMillis() > clock.millis())
                .orElseThrow(() -> new ApiException.Conflict("no " + kind + " enrolment is waiting for"
                        + " confirmation (it expired after " + CONFIRM_WITHIN.toMinutes() + " minutes); enrol again"));
        OptionalLong counter = verify(pending, answer);
        AuditDraft confirmed = new AuditDraft(AuditEvent.SECOND_FACTOR_CONFIRMED, deviceId, address, kind);
        List<String> codes = RecoveryCodes.generate(secrets);
        if (counter.isEmpty() || !store.confirm(accountId, kind, counter.getAsLong(),
                codes.stream().map(c -> RecoveryCodes.hash(accountId, c)).toList(), confirmed)) {
            store.audit(accountId, confirmed.as(AuditEvent.SECOND_FACTOR_REFUSED, kind + " for confirmation"));
            throw new ApiException.SecondFactorWrong("the code is wrong; check the clock of the device with the app");
        }
        LOG.info("event=second_factor_confirmed account={} kind={}", accountId, kind);
        return codes;
    }

    /** Deletes the account's factors and recovery codes; {@code not_found} when it has none. */
    public void removeAll(String accountId, String deviceId, String address) {
        if (!store.removeAll(accountId, new AuditDraft(AuditEvent.SECOND_FACTOR_REMOVED, deviceId, address, ""))) {
            throw new ApiException.NotFound("this account has no second factor");
        }
        LOG.info("event=second_factor_removed account={}", accountId);
    }

    /** What a re-wrap run did: secrets moved to the current master-key version, and ones that changed meanwhile. */
    public record Rewrapped(int moved, int skipped) {
    }

    /**
     * After a master-key rotation: re-wraps every stored factor secret still under an older version, each in its
     * own transaction and only if it did not change meanwhile (audited). Safe to run again.
     */
    public Rewrapped rewrapSecrets() throws GeneralSecurityException {
        int moved = 0;
        int skipped = 0;
        for (StoredFactor factor : store.all()) {
            Optional<byte[]> fresh = kind(factor.kind()).rewrap(factor);
            if (fresh.isEmpty()) {
                continue;
            }
            if (store.swapSecret(factor, fresh.get(), new AuditDraft(AuditEvent.SECOND_FACTOR_REWRAPPED, "", "",
                    factor.kind()))) {
                moved++;
            } else {
                skipped++;
            }
        }
        return new Rewrapped(moved, skipped);
    }

    public SecondFactorStatus status(String accountId) {
        return new SecondFactorStatus(store.list(accountId).stream()
                .map(f -> new SecondFactorStatus.Factor(f.kind(), f.active(), f.createdAt(), f.confirmedAt()))
                .toList(), store.recoveryCodesLeft(accountId));
    }

    private OptionalLong verify(StoredFactor factor, String answer) {
        try {
            return kind(factor.kind()).verify(factor, answer, clock.millis());
        } catch (GeneralSecurityException e) {
            throw masterKeyDown(e);
        }
    }

    private SecondFactor kind(String kind) {
        SecondFactor factor = kind == null ? null : kinds.get(kind);
        if (factor == null) {
            throw new ApiException.BadRequest("unknown second-factor kind");
        }
        return factor;
    }

    private static ApiException masterKeyDown(GeneralSecurityException e) {
        LOG.error("event=master_key_failure type={}", e.getClass().getSimpleName());
        return new ApiException.Unavailable("the key service cannot reach its master key; try again later");
    }
}
