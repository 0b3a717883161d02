package dev.termvault.sync.server.keys;

import dev.termvault.sync.protocol.keys.ChangeVerifierRequest;
import dev.termvault.sync.protocol.keys.ConfirmSecondFactorRequest;
import dev.termvault.sync.protocol.keys.EnrolSecondFactorRequest;
import dev.termvault.sync.protocol.keys.LoginFinishRequest;
import dev.termvault.sync.protocol.keys.LoginStartRequest;
import dev.termvault.sync.protocol.keys.RefreshRequest;
import dev.termvault.sync.protocol.keys.RemoveSecondFactorRequest;
import dev.termvault.sync.protocol.keys.RenameDeviceRequest;
import dev.termvault.sync.protocol.keys.SignupRequest;
import dev.termvault.sync.server.ApiException;
import dev.termvault.sync.server.PublicJwks;
import dev.termvault.sync.server.Role;
import dev.termvault.sync.server.RoleContext;
import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.auth.Caller;
import dev.termvault.sync.server.http.Json;
import dev.termvault.sync.server.keys.crypto.MasterKey;
import dev.termvault.sync.server.keys.crypto.Secrets;
import dev.termvault.sync.server.keys.factor.SecondFactors;
import dev.termvault.sync.server.keys.factor.TotpFactor;
import dev.termvault.sync.server.keys.crypto.TokenSigner;
import dev.termvault.sync.server.keys.mail.SmtpMailer;
import dev.termvault.sync.server.keys.store.AccountStore;
import dev.termvault.sync.server.keys.store.DeviceStore;
import dev.termvault.sync.server.keys.store.FactorStore;
import dev.termvault.sync.server.keys.store.SecretStore;
import dev.termvault.sync.server.keys.store.SignupCodeStore;
import dev.termvault.sync.server.keys.store.ThrottleStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The key service role ("keys"): sign-up, SRP login and share release, tokens, devices, audit log. */
public final class KeysRole implements Role {

    private static final Logger LOG = LoggerFactory.getLogger(KeysRole.class);

    private final RoleContext context;
    private final MasterKey masterKey;
    private final ServiceSecrets serviceSecrets;
    private final KeyService keys;
    private final Signups signups;
    private SmtpMailer mailer;
    private final AccountAdmin admin;
    private final FactorEnrolment factorEnrolment;

    KeysRole(RoleContext context) throws GeneralSecurityException {
        this.context = context;
        ServerConfig config = context.config();
        SecretStore secretStore = new SecretStore(context.database());
        this.masterKey = MasterKeys.open(config, secretStore.find(ServiceSecrets.SIGNING_KEY).isPresent());
        try {
            Secrets secrets = new Secrets();
            AccountStore accounts = new AccountStore(context.database(), context.clock());
            DeviceStore devices = new DeviceStore(context.database(), context.clock());
            this.serviceSecrets = ServiceSecrets.loadOrCreate(secretStore, masterKey, secrets,
                    context.clock(), config.get("keys.token.audience", TokenSigner.DEFAULT_BLOBS_AUDIENCE));
            LoginThrottle throttle = new LoginThrottle(new ThrottleStore(context.database()), context.clock(),
                    new LoginThrottle.Settings(config.getInt("keys.throttle.accountFailures", 5),
                            config.getInt("keys.throttle.addressFailures", 20), Duration.ofSeconds(1),
                            Duration.ofSeconds(config.getLong("keys.throttle.maxSeconds", 900))),
                    serviceSecrets::throttleKey);
            SecondFactors factors = new SecondFactors(new FactorStore(context.database(), context.clock()),
                    List.of(new TotpFactor(masterKey, secrets)), secrets, context.clock());
            this.keys = new KeyService(accounts, devices, masterKey, serviceSecrets, secrets, throttle, context.clock(),
                    factors, loginLimits(config));
            this.factorEnrolment = new FactorEnrolment(keys, factors, context.clock());
            this.signups = signups(context, accounts, secrets, throttle);
            RevocationSender revocations = new RevocationSender(context.peers(),
                    config.find("keys.blobs.url").map(URI::create).orElse(null),
                    config.find("keys.blobs.fingerprint").orElse(null), serviceSecrets.signer());
            this.admin = new AccountAdmin(accounts, devices, serviceSecrets.signer(), revocations);
            String jwks = serviceSecrets.signer().publicJwksJson();
            context.peers().provide(PublicJwks.class, () -> jwks);
        } catch (GeneralSecurityException | RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("event=keys_ready master_key=\"{}\"", masterKey.describe());
    }

    private static KeyService.LoginLimits loginLimits(ServerConfig config) {
        KeyService.LoginLimits d = KeyService.LoginLimits.DEFAULTS;
        return new KeyService.LoginLimits(config.getInt("keys.login.maxPending", d.maxPending()),
                config.getInt("keys.login.pendingPerAddress", d.pendingPerAddress()),
                config.getInt("keys.login.startsPerMinute", d.startsPerMinute()));
    }

    private Signups signups(RoleContext context, AccountStore accounts, Secrets secrets, LoginThrottle throttle) {
        SignupPolicy policy = SignupPolicy.from(context.config());
        SignupMail mail = null;
        if (policy.kind() == SignupPolicy.Kind.EMAIL) {
            this.mailer = SmtpMailer.from(context.config());
            mail = new SignupMail(accounts, new SignupCodeStore(context.database()), serviceSecrets, secrets, mailer,
                    context.clock(), policy);
        }
        LOG.info("event=signup_policy policy={} first_account_without_code={}",
                policy.kind().name().toLowerCase(java.util.Locale.ROOT), policy.firstAccountWithoutCode());
        return new Signups(policy, accounts, masterKey, secrets, serviceSecrets, throttle, mail, context.clock());
    }

    @Override
    public String name() {
        return KeysRoleFactory.NAME;
    }

    public ServiceSecrets serviceSecrets() {
        return serviceSecrets;
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.get("/v1/keys/jwks", ctx -> ctx.json(serviceSecrets.signer().publicJwks()));
        routes.post("/v1/keys/signup", ctx -> {
            Signups.Answer answer = signups.signup(Json.body(ctx, SignupRequest.class), address(ctx));
            ctx.status(answer.status()).json(answer.body());
        });
        routes.post("/v1/keys/login/start", ctx -> ctx.json(
                keys.loginStart(Json.body(ctx, LoginStartRequest.class), address(ctx))));
        routes.post("/v1/keys/login/finish", ctx -> ctx.json(
                keys.loginFinish(Json.body(ctx, LoginFinishRequest.class), address(ctx))));
        routes.post("/v1/keys/token/refresh", ctx -> ctx.json(
                keys.refresh(Json.body(ctx, RefreshRequest.class), address(ctx))));
        routes.get("/v1/keys/devices", ctx -> ctx.json(admin.devices(caller(ctx))));
        routes.patch("/v1/keys/devices/{id}", ctx -> {
            Caller caller = caller(ctx);
            admin.rename(caller, ctx.pathParam("id"), Json.body(ctx, RenameDeviceRequest.class).name(), address(ctx));
            ctx.status(204);
        });
        routes.post("/v1/keys/devices/{id}/revoke", ctx -> {
            admin.revoke(caller(ctx), ctx.pathParam("id"), address(ctx));
            ctx.status(204);
        });
        routes.post("/v1/keys/account/password", ctx -> changeVerifier(ctx, false));
        routes.post("/v1/keys/account/secret-key", ctx -> changeVerifier(ctx, true));
        routes.get("/v1/keys/audit", ctx -> ctx.json(admin.audit(caller(ctx),
                longParam(ctx, "after", 0), (int) longParam(ctx, "limit", 100))));
        secondFactorRoutes(routes);
    }

    private void secondFactorRoutes(RoutesConfig routes) {
        routes.get("/v1/keys/account/second-factor", ctx -> ctx.json(factorEnrolment.status(caller(ctx))));
        routes.post("/v1/keys/account/second-factor/totp", ctx -> {
            Caller caller = caller(ctx);
            ctx.json(factorEnrolment.enrolTotp(caller, Json.body(ctx, EnrolSecondFactorRequest.class), address(ctx)));
        });
        routes.post("/v1/keys/account/second-factor/totp/confirm", ctx -> {
            Caller caller = caller(ctx);
            ctx.json(factorEnrolment.confirmTotp(caller, Json.body(ctx, ConfirmSecondFactorRequest.class),
                    address(ctx)));
        });
        routes.post("/v1/keys/account/second-factor/remove", ctx -> {
            Caller caller = caller(ctx);
            factorEnrolment.remove(caller, Json.body(ctx, RemoveSecondFactorRequest.class), address(ctx));
            ctx.status(204);
        });
    }

    private void changeVerifier(Context ctx, boolean secretKey) {
        Caller caller = caller(ctx);
        ctx.json(keys.changeVerifier(caller, Json.body(ctx, ChangeVerifierRequest.class), secretKey, address(ctx)));
    }

    private Caller caller(Context ctx) {
        return admin.authenticate(ctx.header("Authorization"));
    }

    private static String address(Context ctx) {
        return ctx.ip();
    }

    private static long longParam(Context ctx, String name, long fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ApiException.BadRequest(name + " must be a number");
        }
    }

    @Override
    public boolean healthy() {
        return context.database().ping();
    }

    @Override
    public void close() {
        if (mailer != null) {
            mailer.close();
        }
        masterKey.close();
    }
}
