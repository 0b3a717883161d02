package dev.termvault.sync.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.sync.protocol.keys.AuditLogPage;
import dev.termvault.sync.protocol.keys.DeviceList;
import dev.termvault.sync.protocol.keys.LoginFinishResponse;
import dev.termvault.sync.protocol.keys.RefreshRequest;
import dev.termvault.sync.protocol.keys.SecondFactorAnswer;
import dev.termvault.sync.protocol.keys.SecondFactorStatus;
import dev.termvault.sync.protocol.keys.TotpEnrolment;
import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import dev.termvault.sync.server.keys.crypto.ShareSealer;
import dev.termvault.sync.server.support.Backend;
import dev.termvault.sync.server.support.PinnedHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The TOTP second factor over real HTTPS on loopback: the key service releases the service share only after
 * a right proof AND a right, unused code. The server's clock is the test's, moved by whole 30 s steps, so a
 * code is always 10 s into its step. One server per store backend serves the class; each test has its own
 * account.
 */
class SecondFactorHttpTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @TempDir
    static Path data;
    private static final Map<Backend, Running> SERVERS = new EnumMap<>(Backend.class);
    private static final List<AutoCloseable> CLEANUP = new ArrayList<>();

    private record Running(SyncServer server, FakeClock clock, KeysClient keys, FactorClient factors) {
    }

    private final String email = "second" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString()
            .substring(0, 6) + "@example.org";
    private final String laptop = "laptop-" + UUID.randomUUID();
    private final String newDevice = "new-" + UUID.randomUUID();

    private static Running on(Backend backend) {
        return SERVERS.computeIfAbsent(backend, b -> {
            Map<String, String> config = new HashMap<>(Map.of("server.roles", "keys",
                    "server.data", data.resolve(b.name()).toString(), "server.port", "0",
                    "keys.throttle.addressFailures", "1000"));
            // Many accounts from one address: open sign-up, and login starts not limited per address.
            config.putAll(Map.of("keys.signup.policy", "open", "keys.login.startsPerMinute", "100000",
                    "keys.login.pendingPerAddress", "1000"));
            if (b == Backend.POSTGRESQL) {
                var settings = b.settings(data, "keys", CLEANUP);
                config.put("keys.db.url", settings.url());
                config.put("keys.db.user", settings.user());
            }
            FakeClock clock = new FakeClock(Instant.parse("2026-03-01T10:00:10Z"));
            SyncServer server = SyncServer.start(ServerConfig.of(config), clock);
            KeysClient keys = new KeysClient(new PinnedHttp(server.baseUri(), server.fingerprint()));
            return new Running(server, clock, keys, new FactorClient(keys, clock));
        });
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (Running r : SERVERS.values()) {
            r.server().close();
        }
        for (AutoCloseable c : CLEANUP) {
            c.close();
        }
    }

    /** Signs up, logs in on the laptop, enrols and confirms TOTP, and moves past the confirming step. */
    private Enrolled enrolled(Running s) throws Exception {
        assertThat(s.keys().signup(email, PASSWORD, laptop).statusCode()).isEqualTo(201);
        KeysClient.Session session = s.keys().login(email, PASSWORD, laptop);
        FactorClient.Enrolled factor = s.factors().enrolAndConfirm(session.token(), email, PASSWORD);
        s.clock().advance(STEP);
        return new Enrolled(session, factor);
    }

    private record Enrolled(KeysClient.Session session, FactorClient.Enrolled factor) {
        String token() {
            return session.token();
        }

        byte[] secret() {
            return factor.secret();
        }
    }

    private static void assertReleasedNothing(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains("\"code\":\"" + code + "\"").doesNotContain("sealedShare")
                .doesNotContain("accessToken").doesNotContain("refreshToken");
    }

    private static List<String> devices(Running s, String token) {
        return PinnedHttp.read(s.keys().http().get("/v1/keys/devices", token), DeviceList.class).devices().stream()
                .map(d -> d.id()).toList();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void join_withoutACode_isAskedForTheSecondFactor_andGetsNoShare_thenWithTheCodeGetsTheShare(Backend backend)
            throws Exception {
        Running s = on(backend);
        Enrolled e = enrolled(s);

        assertReleasedNothing(s.keys().finish(s.keys().prove(email, PASSWORD), newDevice), 401,
                "second_factor_required");
        assertThat(devices(s, e.token())).as("no device was added").containsExactly(laptop);

        KeysClient.Proof proof = s.keys().prove(email, PASSWORD);
        HttpResponse<String> joined = s.factors().finish(proof, newDevice,
                SecondFactorAnswer.totp(s.factors().code(e.secret(), 0)));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        LoginFinishResponse response = PinnedHttp.read(joined, LoginFinishResponse.class);
        assertThat(proof.client().verifyServerEvidenceMessage(new java.math.BigInteger(1, response.m2()))).isTrue();
        byte[] share = ShareSealer.open(proof.sessionKey(), proof.loginId(), response.accountId(), newDevice,
                response.sealedShare());
        assertThat(share).isEqualTo(e.session().share());
        assertThat(devices(s, e.token())).containsExactly(laptop, newDevice);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void wrongOrReplayedCode_releasesNothing(Backend backend) throws Exception {
        Running s = on(backend);
        Enrolled e = enrolled(s);
        String now = s.factors().code(e.secret(), 0);
        String wrong = now.equals("000000") ? "000001" : "000000";

        assertReleasedNothing(s.factors().finish(s.keys().prove(email, PASSWORD), newDevice,
                SecondFactorAnswer.totp(wrong)), 401, "second_factor_wrong");
        assertThat(s.factors().finish(s.keys().prove(email, PASSWORD), laptop, SecondFactorAnswer.totp(now))
                .statusCode()).isEqualTo(200);
        assertReleasedNothing(s.factors().finish(s.keys().prove(email, PASSWORD), newDevice,
                SecondFactorAnswer.totp(now)), 401, "second_factor_wrong");

        s.clock().advance(STEP);
        assertReleasedNothing(s.factors().finish(s.keys().prove(email, PASSWORD), newDevice,
                SecondFactorAnswer.totp(now)), 401, "second_factor_wrong");
        assertThat(devices(s, e.token())).doesNotContain(newDevice);
    }

    @Test
    void theConfirmingCode_cannotBeReplayedForALogin() throws Exception {
        Running s = on(Backend.SQLITE);
        s.keys().signup(email, PASSWORD, laptop);
        KeysClient.Session session = s.keys().login(email, PASSWORD, laptop);
        FactorClient.Enrolled factor = s.factors().enrolAndConfirm(session.token(), email, PASSWORD);

        assertReleasedNothing(s.factors().finish(s.keys().prove(email, PASSWORD), newDevice,
                SecondFactorAnswer.totp(s.factors().code(factor.secret(), 0))), 401, "second_factor_wrong");
    }

    @Test
    void recoveryCode_worksOnceAndOnlyOnce() throws Exception {
        Running s = on(Backend.SQLITE);
        Enrolled e = enrolled(s);
        List<String> codes = e.factor().codes().recoveryCodes();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(c -> assertThat(c).matches("[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}"));

        String typed = codes.get(3).toUpperCase(java.util.Locale.ROOT).replace("-", " ");
        assertThat(s.factors().finish(s.keys().prove(email, PASSWORD), newDevice, SecondFactorAnswer.recovery(typed))
                .statusCode()).as("spaces and case do not matter").isEqualTo(200);
        assertReleasedNothing(s.factors().finish(s.keys().prove(email, PASSWORD), "other-" + newDevice,
                SecondFactorAnswer.recovery(codes.get(3))), 401, "second_factor_wrong");
        assertReleasedNothing(s.factors().finish(s.keys().prove(email, PASSWORD), "other-" + newDevice,
                SecondFactorAnswer.recovery("0000-0000-0000-0000")), 401, "second_factor_wrong");
        assertThat(s.factors().finish(s.keys().prove(email, PASSWORD), "other-" + newDevice,
                SecondFactorAnswer.recovery(codes.get(4))).statusCode()).isEqualTo(200);

        SecondFactorStatus status = PinnedHttp.read(s.keys().http().get("/v1/keys/account/second-factor",
                e.token()), SecondFactorStatus.class);
        assertThat(status.recoveryCodesLeft()).isEqualTo(8);
        assertThat(status.factors()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("totp");
            assertThat(f.active()).isTrue();
        });
    }

    @Test
    void enrolment_withoutAFreshProofOfTheCallersOwnAccount_isRefused() throws Exception {
        Running s = on(Backend.SQLITE);
        s.keys().signup(email, PASSWORD, laptop);
        KeysClient.Session session = s.keys().login(email, PASSWORD, laptop);
        String other = "other-" + email;
        s.keys().signup(other, PASSWORD, "other-" + laptop);

        assertThat(s.factors().enrol(null, s.keys().prove(email, PASSWORD)).statusCode()).isEqualTo(401);
        HttpResponse<String> noProof = s.keys().http().sendJson("POST", "/v1/keys/account/second-factor/totp",
                session.token(), Map.of());
        assertThat(noProof.statusCode()).isEqualTo(400);
        HttpResponse<String> wrongPassword = s.factors().enrol(session.token(), s.keys().prove(email, "wrong"));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(s.factors().enrol(session.token(), s.keys().prove(other, PASSWORD)).statusCode())
                .as("a proof for another account").isEqualTo(401);
        KeysClient.Proof used = s.keys().prove(email, PASSWORD);
        s.keys().finish(used, laptop);
        assertThat(s.factors().enrol(session.token(), used).statusCode()).as("a spent proof").isEqualTo(401);

        SecondFactorStatus status = PinnedHttp.read(s.keys().http().get("/v1/keys/account/second-factor",
                session.token()), SecondFactorStatus.class);
        assertThat(status.factors()).isEmpty();
        assertThat(wrongPassword.body()).doesNotContain("otpauth");
    }

    @Test
    void enrolment_isNotAskedBeforeItIsConfirmed_andAWrongOrLateConfirmationIsRefused() throws Exception {
        Running s = on(Backend.SQLITE);
        s.keys().signup(email, PASSWORD, laptop);
        KeysClient.Session session = s.keys().login(email, PASSWORD, laptop);
        HttpResponse<String> r = s.factors().enrol(session.token(), s.keys().prove(email, PASSWORD));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        TotpEnrolment enrolment = PinnedHttp.read(r, TotpEnrolment.class);
        assertThat(enrolment.otpauthUri()).isEqualTo("otpauth://totp/Termvault:" + email + "?secret="
                + enrolment.secret() + "&issuer=Termvault");
        assertThat(enrolment.secret()).matches("[A-Z2-7]{32}");

        assertThat(s.keys().login(email, PASSWORD, newDevice).share()).as("pending: not asked").hasSize(32);
        byte[] secret = FactorClient.base32(enrolment.secret());
        String wrong = s.factors().code(secret, 3);
        assertThat(s.factors().confirm(session.token(), wrong).body()).contains("second_factor_wrong");

        s.clock().advance(SecondFactorsDuration.CONFIRM);
        KeysClient.Session fresh = s.keys().login(email, PASSWORD, laptop);
        HttpResponse<String> late = s.factors().confirm(fresh.token(), s.factors().code(secret, 0));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(s.keys().login(email, PASSWORD, "third-" + newDevice).share()).hasSize(32);
    }

    /** The confirmation window, plus one step. */
    private static final class SecondFactorsDuration {
        static final Duration CONFIRM = dev.termvault.sync.server.keys.factor.SecondFactors.CONFIRM_WITHIN.plus(STEP);
    }

    @Test
    void enrolment_whileAFactorIsActive_isAConflict() throws Exception {
        Running s = on(Backend.SQLITE);
        Enrolled e = enrolled(s);
        assertThat(s.factors().enrol(e.token(), s.keys().prove(email, PASSWORD)).statusCode()).isEqualTo(409);
    }

    @Test
    void tokenRefresh_doesNotAskTheSecondFactor() throws Exception {
        Running s = on(Backend.SQLITE);
        Enrolled e = enrolled(s);
        HttpResponse<String> r = s.keys().http().sendJson("POST", "/v1/keys/token/refresh", null,
                new RefreshRequest(e.session().response().refreshToken()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("accessToken");
    }

    @Test
    void passwordChange_needsTheCode() throws Exception {
        Running s = on(Backend.SQLITE);
        Enrolled e = enrolled(s);
        String code = s.factors().code(e.secret(), 0);
        String wrong = code.equals("000000") ? "000001" : "000000";

        HttpResponse<String> without = s.factors().changePassword(e.token(), email, PASSWORD, "new pw", null);
        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.body()).contains("\"code\":\"second_factor_required\"");
        assertThat(s.factors().changePassword(e.token(), email, PASSWORD, "new pw", SecondFactorAnswer.totp(wrong))
                .body()).contains("\"code\":\"second_factor_wrong\"");
        assertThat(s.factors().finish(s.keys().prove(email, PASSWORD), laptop, SecondFactorAnswer.totp(code))
                .statusCode()).as("the old password still works").isEqualTo(200);

        s.clock().advance(STEP);
        assertThat(s.factors().changePassword(e.token(), email, PASSWORD, "new pw",
                SecondFactorAnswer.totp(s.factors().code(e.secret(), 0))).statusCode()).isEqualTo(200);
        s.clock().advance(STEP);
        assertThat(s.factors().finish(s.keys().prove(email, "new pw"), laptop,
                SecondFactorAnswer.totp(s.factors().code(e.secret(), 0))).statusCode()).isEqualTo(200);
    }

    @Test
    void oneStepOfDrift_isAccepted_twoAreNot() throws Exception {
        Running s = on(Backend.SQLITE);
        Enrolled e = enrolled(s);
        s.clock().advance(STEP.multipliedBy(2));

        for (int off : new int[] {-2, 2}) {
            assertReleasedNothing(s.factors().finish(s.keys().prove(email, PASSWORD), newDevice,
                    SecondFactorAnswer.totp(s.factors().code(e.secret(), off))), 401, "second_factor_wrong");
        }
        for (int off : new int[] {-1, 1}) {
            assertThat(s.factors().finish(s.keys().prove(email, PASSWORD), newDevice,
                    SecondFactorAnswer.totp(s.factors().code(e.secret(), off))).statusCode())
                    .as(off + " step").isEqualTo(200);
        }
    }

    @Test
    void failedCodes_countTowardsTheLoginBackOff() throws Exception {
        Running s = on(Backend.SQLITE);
        Enrolled e = enrolled(s);
        String wrong = s.factors().code(e.secret(), 0).equals("000000") ? "000001" : "000000";
        for (int i = 0; i < 5; i++) {
            assertReleasedNothing(s.factors().finish(s.keys().prove(email, PASSWORD), newDevice,
                    SecondFactorAnswer.totp(wrong)), 401, "second_factor_wrong");
        }
        HttpResponse<String> sixth = s.factors().finish(s.keys().prove(email, PASSWORD), newDevice,
                SecondFactorAnswer.totp(wrong));
        assertReleasedNothing(sixth, 429, "rate_limited");

        HttpResponse<String> blocked = s.keys().http().sendJson("POST", "/v1/keys/login/start", null,
                Map.of("email", email));
        assertThat(blocked.statusCode()).as("even the right password and code wait").isEqualTo(429);
        s.clock().advance(Duration.ofSeconds(2));
        assertThat(s.factors().finish(s.keys().prove(email, PASSWORD), newDevice,
                SecondFactorAnswer.totp(s.factors().code(e.secret(), 0))).statusCode()).isEqualTo(200);
    }

    @Test
    void removal_needsAFreshProofAndACode_thenLoginsNeedNone() throws Exception {
        Running s = on(Backend.SQLITE);
        Enrolled e = enrolled(s);
        String wrong = s.factors().code(e.secret(), 0).equals("000000") ? "000001" : "000000";

        assertThat(s.factors().remove(e.token(), s.keys().prove(email, PASSWORD), null).body())
                .contains("second_factor_required");
        assertThat(s.factors().remove(e.token(), s.keys().prove(email, PASSWORD), SecondFactorAnswer.totp(wrong))
                .body()).contains("second_factor_wrong");
        assertThat(s.factors().remove(e.token(), s.keys().prove(email, "wrong"),
                SecondFactorAnswer.totp(s.factors().code(e.secret(), 0))).statusCode()).isEqualTo(401);
        assertThat(s.keys().finish(s.keys().prove(email, PASSWORD), newDevice).body()).as("still active")
                .contains("second_factor_required");

        assertThat(s.factors().remove(e.token(), s.keys().prove(email, PASSWORD),
                SecondFactorAnswer.recovery(e.factor().codes().recoveryCodes().get(0))).statusCode()).isEqualTo(204);
        assertThat(s.keys().login(email, PASSWORD, newDevice).share()).isEqualTo(e.session().share());
    }

    @Test
    void everyUse_isInTheAuditLog_andTheChainVerifies() throws Exception {
        Running s = on(Backend.SQLITE);
        Enrolled e = enrolled(s);
        String code = s.factors().code(e.secret(), 0);
        String wrong = code.equals("000000") ? "000001" : "000000";
        s.factors().finish(s.keys().prove(email, PASSWORD), newDevice, SecondFactorAnswer.totp(wrong));
        s.factors().finish(s.keys().prove(email, PASSWORD), newDevice, SecondFactorAnswer.totp(code));
        String recovery = e.factor().codes().recoveryCodes().get(1);
        s.factors().finish(s.keys().prove(email, PASSWORD), newDevice, SecondFactorAnswer.recovery(recovery));
        s.clock().advance(STEP);
        s.factors().remove(e.token(), s.keys().prove(email, PASSWORD),
                SecondFactorAnswer.totp(s.factors().code(e.secret(), 0)));

        AuditLogPage page = PinnedHttp.read(s.keys().http().get("/v1/keys/audit?limit=1000", e.token()),
                AuditLogPage.class);
        List<String> events = page.entries().stream().map(x -> x.event()).toList();
        assertThat(events).containsSubsequence("second_factor_enrolled", "second_factor_confirmed",
                "second_factor_refused", "second_factor_accepted", "login", "share_released", "recovery_code_used",
                "login", "share_released", "second_factor_accepted", "second_factor_removed");
        assertThat(page.entries()).filteredOn(x -> x.event().equals("second_factor_accepted")).extracting(x -> x.detail())
                .containsExactly("totp for login", "totp for removal");
        assertThat(page.entries()).filteredOn(x -> x.event().equals("recovery_code_used")).singleElement()
                .satisfies(x -> assertThat(x.detail()).isEqualTo("for login; 9 left"));
        assertThat(page.entries()).allSatisfy(x -> assertThat(x.detail()).doesNotContain(code)
                .doesNotContain(recovery).doesNotContain(e.factor().enrolment().secret()));
        assertThat(page.entries()).filteredOn(x -> x.event().startsWith("second_factor"))
                .allSatisfy(x -> assertThat(x.address()).isEqualTo("127.0.0.1"));

        List<AuditEntry> entries = page.entries().stream().map(x -> new AuditEntry(page.accountId(), x.seq(), x.at(),
                x.deviceId(), x.address(), x.event(), x.detail(), HexFormat.of().parseHex(x.prevHash()),
                HexFormat.of().parseHex(x.hash()))).toList();
        assertThat(AuditChain.verify(entries, page.headSeq(), HexFormat.of().parseHex(page.headHash()))).isEmpty();
    }

    @Test
    void store_holdsTheTotpSecretAndRecoveryCodesOnlyWrappedOrHashed() throws Exception {
        Running s = on(Backend.SQLITE);
        Enrolled e = enrolled(s);
        List<byte[]> needles = new ArrayList<>(List.of(e.secret(),
                e.factor().enrolment().secret().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        for (String code : e.factor().codes().recoveryCodes()) {
            needles.add(code.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            needles.add(code.replace("-", "").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data.resolve(Backend.SQLITE.name()))) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith("keys.db"))
                    .toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String hay = HexFormat.of().formatHex(Files.readAllBytes(f));
            for (byte[] needle : needles) {
                assertThat(hay).as(f.getFileName() + " holds a second-factor secret in clear")
                        .doesNotContain(HexFormat.of().formatHex(needle));
            }
        }
    }
}
