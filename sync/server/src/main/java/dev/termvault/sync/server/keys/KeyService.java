package dev.termvault.sync.server.keys;

import dev.termvault.sync.protocol.keys.ChangeVerifierRequest;
import dev.termvault.sync.protocol.keys.ChangeVerifierResponse;
import dev.termvault.sync.protocol.keys.DeviceInfo;
import dev.termvault.sync.protocol.keys.LoginFinishRequest;
import dev.termvault.sync.protocol.keys.LoginFinishResponse;
import dev.termvault.sync.protocol.keys.LoginStartRequest;
import dev.termvault.sync.protocol.keys.LoginStartResponse;
import dev.termvault.sync.protocol.keys.RefreshRequest;
import dev.termvault.sync.protocol.keys.SecondFactorAnswer;
import dev.termvault.sync.protocol.keys.TokenResponse;
import dev.termvault.sync.protocol.keys.WireKdfParams;
import dev.termvault.sync.server.ApiException;
import dev.termvault.sync.server.auth.Caller;
import dev.termvault.sync.server.keys.PendingLogins.Pending;
import dev.termvault.sync.server.keys.crypto.MasterKey;
import dev.termvault.sync.server.keys.crypto.Secrets;
import dev.termvault.sync.server.keys.crypto.ShareSealer;
import dev.termvault.sync.server.keys.crypto.SrpGroup;
import dev.termvault.sync.server.keys.crypto.SrpServerSession;
import dev.termvault.sync.server.keys.crypto.TokenSigner;
import dev.termvault.sync.server.keys.factor.SecondFactors;
import dev.termvault.sync.server.keys.store.AccountRecord;
import dev.termvault.sync.server.keys.store.AccountStore;
import dev.termvault.sync.server.keys.store.AuditDraft;
import dev.termvault.sync.server.keys.store.DeviceStore;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SRP login with share release, token refresh, and the verifier changes (password, Secret Key); sign-up is
 * {@link Signups}. Failed proofs are throttled and audited; the share leaves the master key only sealed for
 * one login.
 */
public final class KeyService {

    private static final Logger LOG = LoggerFactory.getLogger(KeyService.class);
    static final Duration REFRESH_LIFETIME = Duration.ofDays(30);
    static final WireKdfParams DISGUISE_KDF = new WireKdfParams(WireKdfParams.ARGON2ID, 65_536, 3, 4);
    private static final String LOGIN_FAILED = "login failed";

    private final SrpGroup group = SrpGroup.RFC5054_4096_SHA256;
    private final AccountStore accounts;
    private final DeviceStore devices;
    private final MasterKey masterKey;
    private final ServiceSecrets serviceSecrets;
    private final Secrets secrets;
    private final LoginThrottle throttle;
    private final PendingLogins pending;
    private final AddressRate starts;
    private final ShareSealer sealer;
    private final Clock clock;
    private final SecondFactors factors;

    public KeyService(AccountStore accounts, DeviceStore devices, MasterKey masterKey, ServiceSecrets serviceSecrets,
                      Secrets secrets, LoginThrottle throttle, Clock clock, SecondFactors factors) {
        this(accounts, devices, masterKey, serviceSecrets, secrets, throttle, clock, factors, LoginLimits.DEFAULTS);
    }

    public KeyService(AccountStore accounts, DeviceStore devices, MasterKey masterKey, ServiceSecrets serviceSecrets,
                      Secrets secrets, LoginThrottle throttle, Clock clock, SecondFactors factors, LoginLimits limits) {
        this.accounts = accounts;
        this.devices = devices;
        this.masterKey = masterKey;
        this.serviceSecrets = serviceSecrets;
        this.secrets = secrets;
        this.throttle = throttle;
        this.pending = new PendingLogins(clock, limits.maxPending(), limits.pendingPerAddress());
        this.starts = new AddressRate(clock, limits.startsPerMinute(), Duration.ofMinutes(1), limits.maxPending());
        this.sealer = new ShareSealer(secrets);
        this.clock = clock;
        this.factors = factors;
    }

    /** Bounds on logins in progress (in this instance's memory): overall, per address block, starts a minute. */
    public record LoginLimits(int maxPending, int pendingPerAddress, int startsPerMinute) {
        public static final LoginLimits DEFAULTS = new LoginLimits(PendingLogins.DEFAULT_CAPACITY,
                PendingLogins.DEFAULT_PER_ADDRESS, 30);
    }

    /** The master-key context every share is wrapped with: binds the wrap to its account. */
    public static byte[] shareContext(String accountId) {
        return ("termvault:share:" + accountId).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Starts a login. An unknown email gets a made-up salt and verifier derived from a service secret (stable
     * per email), and B is computed from that verifier by the same code as for a real one: the same
     * exponentiation, the same answer shape. One address block may start {@code startsPerMinute} logins a
     * minute and hold {@code pendingPerAddress} unfinished ones.
     */
    public LoginStartResponse loginStart(LoginStartRequest r, String address) {
        String email = Inputs.email(r.email());
        refuseIfThrottled(email, address);
        long wait = starts.take(address);
        if (wait > 0) {
            throw new ApiException.RateLimited("too many logins from this address; try again shortly", (int) wait);
        }
        AccountRecord account = accounts.findByEmail(email).orElse(null);
        BigInteger verifier = account != null ? new BigInteger(1, account.verifier()) : fakeVerifier(email);
        SrpServerSession srp = SrpServerSession.start(group, verifier, secrets);
        Pending p = pending.add(email, account == null ? null : account.id(), srp, address);
        return account == null
                ? new LoginStartResponse(p.loginId(), serviceSecrets.fakeSalt(email), DISGUISE_KDF, srp.publicB())
                : new LoginStartResponse(p.loginId(), account.salt(), account.kdf(), srp.publicB());
    }

    private BigInteger fakeVerifier(String email) {
        BigInteger v = new BigInteger(1, serviceSecrets.fakeVerifier(email, group.byteLength() + 16)).mod(group.n());
        return v.compareTo(BigInteger.ONE) > 0 ? v : BigInteger.TWO;
    }

    public LoginFinishResponse loginFinish(LoginFinishRequest r, String address) {
        DeviceInfo device = Inputs.device(r.device());
        Proven proven = prove(r.loginId(), r.a(), r.m1(), device.id(), address, r.secondFactor(),
                SecondFactors.Purpose.LOGIN);
        AccountRecord account = proven.account();
        byte[] sealedShare;
        byte[] share = null;
        try {
            share = masterKey.unwrap(account.wrappedShare(), shareContext(account.id()));
            sealedShare = sealer.seal(proven.proof().sessionKey(), r.loginId(), account.id(), device.id(), share);
        } catch (GeneralSecurityException e) {
            throw masterKeyDown(e);
        } finally {
            if (share != null) {
                Arrays.fill(share, (byte) 0);
            }
            Arrays.fill(proven.proof().sessionKey(), (byte) 0);
        }
        String refresh = secrets.newToken();
        AuditDraft login = new AuditDraft(AuditEvent.LOGIN, device.id(), address, "");
        DeviceStore.LoginResult result = devices.recordLogin(account.id(), device.id(), device.name(),
                Secrets.tokenHash(refresh), clock.millis() + REFRESH_LIFETIME.toMillis(),
                List.of(login, login.as(AuditEvent.SHARE_RELEASED, "master key v" + account.wrappedShare().version())));
        switch (result) {
            case DEVICE_OF_ANOTHER_ACCOUNT -> throw new ApiException.Conflict("this device id is taken; make a new one");
            case DEVICE_REVOKED -> throw new ApiException.Forbidden("this device was revoked; sign in as a new device");
            case OK -> LOG.info("event=share_released account={} device={}", account.id(), device.id());
        }
        return new LoginFinishResponse(account.id(), device.id(), proven.proof().m2(), access(account.id(), device.id()),
                TokenSigner.ACCESS_LIFETIME.toSeconds(), refresh, sealedShare);
    }

    public TokenResponse refresh(RefreshRequest r, String address) {
        String old = Inputs.required(r.refreshToken(), "refreshToken");
        String fresh = secrets.newToken();
        DeviceStore.Refreshed who = devices.rotateRefresh(Secrets.tokenHash(old), Secrets.tokenHash(fresh),
                clock.millis() + REFRESH_LIFETIME.toMillis())
                .orElseThrow(() -> new ApiException.Unauthorized("invalid refresh token"));
        return new TokenResponse(access(who.accountId(), who.deviceId()), TokenSigner.ACCESS_LIFETIME.toSeconds(), fresh);
    }

    /** Password change ({@code secretKey} false) or Secret Key rotation: a fresh proof, then a new verifier. */
    public ChangeVerifierResponse changeVerifier(Caller caller, ChangeVerifierRequest r, boolean secretKey,
                                                 String address) {
        byte[] salt = Inputs.salt(r.salt());
        WireKdfParams kdf = Inputs.kdf(r.kdf());
        byte[] verifier = Inputs.verifier(r.verifier(), group);
        Proven proven = prove(r.loginId(), r.a(), r.m1(), caller.deviceId(), address, r.secondFactor(),
                secretKey ? SecondFactors.Purpose.SECRET_KEY_ROTATION : SecondFactors.Purpose.PASSWORD_CHANGE);
        Arrays.fill(proven.proof().sessionKey(), (byte) 0);
        if (!proven.account().id().equals(caller.accountId())) {
            throw new ApiException.Unauthorized(LOGIN_FAILED);
        }
        AuditEvent event = secretKey ? AuditEvent.SECRET_KEY_ROTATED : AuditEvent.PASSWORD_CHANGED;
        accounts.replaceVerifier(caller.accountId(), salt, kdf, verifier,
                new AuditDraft(event, caller.deviceId(), address, ""));
        LOG.info("event={} account={} device={}", event.wire(), caller.accountId(), caller.deviceId());
        return new ChangeVerifierResponse(proven.proof().m2());
    }

    record Proven(AccountRecord account, SrpServerSession.Proof proof) {
    }

    /**
     * A fresh proof by the caller for its own account (enrolling or removing a second factor), checked like a
     * verifier change's: with {@code purpose} set, the account's active second factor must be answered too.
     * The session key is wiped; M2 is kept for the answer.
     */
    Proven proveForCaller(Caller caller, String loginId, byte[] a, byte[] m1, String address,
                          SecondFactorAnswer answer, SecondFactors.Purpose purpose) {
        Proven proven = prove(loginId, a, m1, caller.deviceId(), address, answer, purpose);
        Arrays.fill(proven.proof().sessionKey(), (byte) 0);
        if (!proven.account().id().equals(caller.accountId())) {
            throw new ApiException.Unauthorized(LOGIN_FAILED);
        }
        return proven;
    }

    /**
     * Checks an SRP proof for a started login; throttles, audits and refuses a wrong one. With {@code purpose}
     * set, an account with an active second factor must also answer it before the proof counts as a success.
     */
    private Proven prove(String loginId, byte[] a, byte[] m1, String deviceId, String address,
                         SecondFactorAnswer answer, SecondFactors.Purpose purpose) {
        Pending p = pending.take(Inputs.required(loginId, "loginId"))
                .orElseThrow(() -> new ApiException.Unauthorized("this login expired or is unknown; start again"));
        refuseIfThrottled(p.email(), address);
        Inputs.required(a, "a", group.byteLength());
        Inputs.required(m1, "m1", 64);
        AccountRecord account = p.accountId() == null ? null : accounts.findById(p.accountId()).orElse(null);
        try {
            SrpServerSession.Proof proof = p.srp().finish(a, m1);
            if (account == null) {
                throw new GeneralSecurityException("no account");
            }
            if (purpose != null) {
                requireSecondFactor(p.email(), account.id(), proof, answer, purpose, deviceId, address);
            }
            throttle.success(p.email(), address);
            return new Proven(account, proof);
        } catch (GeneralSecurityException e) {
            throttle.failure(p.email(), address);
            if (account != null) {
                accounts.audit(account.id(), List.of(new AuditDraft(AuditEvent.LOGIN_FAILED, deviceId, address, "")));
            }
            LOG.info("event=login_failed account={}", account == null ? "-" : account.id());
            long wait = throttle.retryAfterSeconds(p.email(), address);
            if (wait > 0) {
                throw new ApiException.RateLimited("too many failed logins; try again later", (int) wait);
            }
            throw new ApiException.Unauthorized(LOGIN_FAILED);
        }
    }

    /**
     * After a right proof: the account's active second factor must be answered. A missing answer releases
     * nothing; a wrong or replayed one also counts as a failed login of that account and address.
     */
    private void requireSecondFactor(String email, String accountId, SrpServerSession.Proof proof,
                                     SecondFactorAnswer answer, SecondFactors.Purpose purpose, String deviceId,
                                     String address) {
        SecondFactors.Outcome outcome = factors.check(accountId, answer, purpose, deviceId, address);
        if (outcome == SecondFactors.Outcome.NOT_ENROLLED || outcome == SecondFactors.Outcome.ACCEPTED) {
            return;
        }
        Arrays.fill(proof.sessionKey(), (byte) 0);
        if (outcome == SecondFactors.Outcome.MISSING) {
            throw new ApiException.SecondFactorRequired("this account has a second factor: send the code of the"
                    + " authenticator app or a recovery code");
        }
        throttle.failure(email, address);
        long wait = throttle.retryAfterSeconds(email, address);
        if (wait > 0) {
            throw new ApiException.RateLimited("too many failed logins; try again later", (int) wait);
        }
        throw new ApiException.SecondFactorWrong("the code is wrong or was already used; wait for the next one");
    }

    private void refuseIfThrottled(String email, String address) {
        long wait = throttle.retryAfterSeconds(email, address);
        if (wait > 0) {
            throw new ApiException.RateLimited("too many failed logins; try again later", (int) wait);
        }
    }

    private String access(String accountId, String deviceId) {
        try {
            return serviceSecrets.signer().issueAccess(accountId, deviceId);
        } catch (GeneralSecurityException e) {
            throw new ApiException.Unavailable("the key service cannot sign tokens now");
        }
    }

    private static ApiException masterKeyDown(GeneralSecurityException e) {
        LOG.error("event=master_key_failure type={}", e.getClass().getSimpleName());
        return new ApiException.Unavailable("the key service cannot reach its master key; try again later");
    }
}
