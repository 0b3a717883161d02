package dev.termvault.sync.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.termvault.sync.protocol.keys.AuditLogPage;
import dev.termvault.sync.protocol.keys.DeviceList;
import dev.termvault.sync.protocol.keys.LoginStartResponse;
import dev.termvault.sync.protocol.keys.RefreshRequest;
import dev.termvault.sync.protocol.keys.SignupRequest;
import dev.termvault.sync.protocol.keys.TokenResponse;
import dev.termvault.sync.protocol.keys.DeviceInfo;
import dev.termvault.sync.protocol.keys.WireKdfParams;
import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import dev.termvault.sync.server.support.PinnedHttp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key service over real HTTPS on loopback, with its SQLite store and local master key in a temp folder.
 * One server serves the class (each test has its own account and device ids); the restart test runs its own.
 */
class KeyServiceHttpTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @TempDir
    static Path sharedData;
    private static SyncServer shared;

    @TempDir
    Path data;

    private SyncServer server;
    private KeysClient client;
    private String email;
    private final String laptop = "laptop-" + UUID.randomUUID();
    private final String phone = "phone-" + UUID.randomUUID();

    private static SyncServer startServer(Path dir) {
        return SyncServer.start(ServerConfig.of(Map.of("server.roles", "keys", "server.data", dir.toString(),
                "server.port", "0", "keys.throttle.addressFailures", "1000", "keys.signup.policy", "open",
                "keys.login.startsPerMinute", "100000", "keys.login.pendingPerAddress", "1000")));
    }

    @BeforeAll
    static void startShared() {
        shared = startServer(sharedData);
    }

    @AfterAll
    static void stopShared() {
        shared.close();
    }

    @BeforeEach
    void useShared() {
        email = "user" + COUNTER.incrementAndGet() + "@example.org";
        client = new KeysClient(new PinnedHttp(shared.baseUri(), shared.fingerprint()));
    }

    /** Starts (or restarts) this test's own server on {@code data}. */
    private void start() {
        server = startServer(data);
        client = new KeysClient(new PinnedHttp(server.baseUri(), server.fingerprint()));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void signupLoginAndShareRelease_overHttps_survivesARestart() throws Exception {
        start();
        HttpResponse<String> signup = client.signup(email, PASSWORD, laptop);
        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(201);

        KeysClient.Session first = client.login(email, PASSWORD, laptop);
        KeysClient.Session second = client.login(email, PASSWORD, "desktop-" + laptop);
        assertThat(first.share()).hasSize(32).isEqualTo(second.share());
        assertThat(first.response().sealedShare()).isNotEqualTo(second.response().sealedShare());
        assertThat(first.response().accessTokenExpiresIn()).isEqualTo(300);

        server.close();
        start();
        KeysClient.Session afterRestart = client.login(email, PASSWORD, laptop);
        assertThat(afterRestart.share()).isEqualTo(first.share());
        assertThat(afterRestart.response().accountId()).isEqualTo(first.response().accountId());
        DeviceList devices = PinnedHttp.read(client.http().get("/v1/keys/devices", afterRestart.token()),
                DeviceList.class);
        assertThat(devices.devices()).extracting(d -> d.id()).containsExactly(laptop, "desktop-" + laptop);
        assertThat(client.http().get("/v1/keys/devices", first.token()).statusCode())
                .as("a token issued before the restart still verifies").isEqualTo(200);
    }

    @Test
    void wrongPassword_releasesNothing_isAudited_andIsThrottledAfterTheLimit() throws Exception {
        start();
        client.signup(email, PASSWORD, laptop);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = client.finish(client.prove(email, "wrong " + i), laptop);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("\"code\":\"unauthorized\"").doesNotContain("sealedShare")
                    .doesNotContain("accessToken");
        }
        HttpResponse<String> sixth = client.finish(client.prove(email, "wrong 6"), laptop);
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(PinnedHttp.JSON.readTree(sixth.body()).get("retryAfterSeconds").asInt()).isEqualTo(1);
        assertThat(sixth.body()).contains("\"code\":\"rate_limited\"");

        HttpResponse<String> blocked = client.http().sendJson("POST", "/v1/keys/login/start", null,
                Map.of("email", email));
        assertThat(blocked.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();

        server.close();
        start();
        // the back-off is in the store: it outlives the restart, and ends after its Retry-After
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.http().sendJson("POST", "/v1/keys/login/start", null, Map.of("email", email))
                        .statusCode() == 200);
        KeysClient.Session s = client.login(email, PASSWORD, laptop);
        AuditLogPage audit = PinnedHttp.read(client.http().get("/v1/keys/audit", s.token()), AuditLogPage.class);
        assertThat(audit.entries()).extracting(e -> e.event()).containsExactly("signup", "device_added",
                "login_failed", "login_failed", "login_failed", "login_failed", "login_failed", "login_failed",
                "login", "share_released");
        assertThat(audit.entries().get(2).address()).isEqualTo("127.0.0.1");
    }

    @Test
    void unknownEmail_getsAStableMadeUpSaltAndNeverLogsIn() throws Exception {
        client.signup(email, PASSWORD, laptop);
        LoginStartResponse a = start("nobody@example.org");
        LoginStartResponse b = start("nobody@example.org");
        LoginStartResponse real = start(email);

        assertThat(a.salt()).isEqualTo(b.salt()).hasSize(real.salt().length);
        assertThat(a.kdf()).isEqualTo(real.kdf());
        assertThat(a.b()).hasSize(512);
        assertThat(client.finish(client.prove("nobody@example.org", PASSWORD), laptop).statusCode()).isEqualTo(401);
    }

    private LoginStartResponse start(String email) {
        return PinnedHttp.read(client.http().sendJson("POST", "/v1/keys/login/start", null, Map.of("email", email)),
                LoginStartResponse.class);
    }

    @Test
    void signup_kdfBelowTheFloorOrDuplicateEmail_isRefused() {
        for (WireKdfParams weak : List.of(new WireKdfParams("argon2id", 65_535, 3, 1), new WireKdfParams("argon2id", 65_536, 2, 1),
                new WireKdfParams("argon2id", 65_536, 3, 0), new WireKdfParams("pbkdf2", 65_536, 3, 1))) {
            byte[] salt = KeysClient.salt();
            HttpResponse<String> r = client.http().sendJson("POST", "/v1/keys/signup", null, new SignupRequest(email,
                    salt, weak, KeysClient.verifier(email, PASSWORD, salt), new DeviceInfo(laptop, "Laptop")));
            assertThat(r.statusCode()).as(weak.toString()).isEqualTo(400);
            assertThat(r.body()).contains("\"code\":\"bad_request\"");
        }
        assertThat(client.signup(email, PASSWORD, laptop).statusCode()).isEqualTo(201);
        HttpResponse<String> again = client.signup(email.toUpperCase(java.util.Locale.ROOT), "other", "tablet-" + laptop);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("\"code\":\"conflict\"");
        assertThat(client.http().send("POST", "/v1/keys/signup", null, "text/plain", "{}").statusCode()).isEqualTo(415);
        assertThat(client.http().send("POST", "/v1/keys/signup", null, "application/json",
                "{\"email\":\"a@b\",\"surprise\":1}").statusCode()).isEqualTo(400);
    }

    @Test
    void refresh_rotatesTheTokenAndTheOldOneStopsWorking() throws Exception {
        client.signup(email, PASSWORD, laptop);
        KeysClient.Session s = client.login(email, PASSWORD, laptop);

        HttpResponse<String> r = client.http().sendJson("POST", "/v1/keys/token/refresh", null,
                new RefreshRequest(s.response().refreshToken()));
        assertThat(r.statusCode()).isEqualTo(200);
        TokenResponse fresh = PinnedHttp.read(r, TokenResponse.class);
        assertThat(fresh.refreshToken()).isNotEqualTo(s.response().refreshToken());
        assertThat(client.http().get("/v1/keys/devices", fresh.accessToken()).statusCode()).isEqualTo(200);

        assertThat(client.http().sendJson("POST", "/v1/keys/token/refresh", null,
                new RefreshRequest(s.response().refreshToken())).statusCode()).isEqualTo(401);
    }

    @Test
    void revokedDevice_isRefusedAtOnce_forAccessAndRefresh_andCannotLogInAgain() throws Exception {
        client.signup(email, PASSWORD, laptop);
        KeysClient.Session onLaptop = client.login(email, PASSWORD, laptop);
        KeysClient.Session onPhone = client.login(email, PASSWORD, phone);

        assertThat(client.http().send("POST", "/v1/keys/devices/" + phone + "/revoke", onLaptop.token(), null, null)
                .statusCode()).isEqualTo(204);

        HttpResponse<String> refused = client.http().get("/v1/keys/devices", onPhone.token());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(client.http().sendJson("POST", "/v1/keys/token/refresh", null,
                new RefreshRequest(onPhone.response().refreshToken())).statusCode()).isEqualTo(401);
        assertThat(client.finish(client.prove(email, PASSWORD), phone).statusCode()).isEqualTo(403);
        DeviceList list = PinnedHttp.read(client.http().get("/v1/keys/devices", onLaptop.token()), DeviceList.class);
        assertThat(list.devices()).filteredOn(d -> d.id().equals(phone)).singleElement()
                .satisfies(d -> assertThat(d.revokedAt()).isNotNull());
    }

    @Test
    void renameDevice_showsInTheListAndTheAuditLog() throws Exception {
        client.signup(email, PASSWORD, laptop);
        KeysClient.Session s = client.login(email, PASSWORD, laptop);

        assertThat(client.http().sendJson("PATCH", "/v1/keys/devices/" + laptop, s.token(), Map.of("name", "Work laptop"))
                .statusCode()).isEqualTo(204);

        DeviceList list = PinnedHttp.read(client.http().get("/v1/keys/devices", s.token()), DeviceList.class);
        assertThat(list.devices()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("Work laptop");
            assertThat(d.current()).isTrue();
        });
        AuditLogPage audit = PinnedHttp.read(client.http().get("/v1/keys/audit", s.token()), AuditLogPage.class);
        assertThat(audit.entries().getLast().event()).isEqualTo("device_renamed");
    }

    @Test
    void passwordChangeAndSecretKeyRotation_needAFreshProof_andKeepTheShare() throws Exception {
        client.signup(email, PASSWORD, laptop);
        KeysClient.Session before = client.login(email, PASSWORD, laptop);

        assertThat(client.changeVerifier(before.token(), email, "not the password", "new pw", false).statusCode())
                .isEqualTo(401);
        assertThat(client.changeVerifier(before.token(), email, PASSWORD, "new pw", false).statusCode()).isEqualTo(200);
        assertThat(client.finish(client.prove(email, PASSWORD), laptop).statusCode()).isEqualTo(401);
        KeysClient.Session after = client.login(email, "new pw", laptop);
        assertThat(after.share()).isEqualTo(before.share());

        assertThat(client.changeVerifier(after.token(), email, "new pw", "new pw + new secret key", true).statusCode())
                .isEqualTo(200);
        KeysClient.Session rotated = client.login(email, "new pw + new secret key", laptop);
        assertThat(rotated.share()).isEqualTo(before.share());
        AuditLogPage audit = PinnedHttp.read(client.http().get("/v1/keys/audit", rotated.token()), AuditLogPage.class);
        assertThat(audit.entries()).extracting(e -> e.event()).contains("password_changed", "secret_key_rotated");
    }

    @Test
    void auditLog_carriesChainValuesAClientCanCheck() throws Exception {
        client.signup(email, PASSWORD, laptop);
        KeysClient.Session s = client.login(email, PASSWORD, laptop);
        client.finish(client.prove(email, "wrong"), laptop);

        List<AuditEntry> entries = new ArrayList<>();
        long after = 0;
        AuditLogPage page;
        do {
            page = PinnedHttp.read(client.http().get("/v1/keys/audit?after=" + after + "&limit=2", s.token()),
                    AuditLogPage.class);
            for (var e : page.entries()) {
                entries.add(new AuditEntry(page.accountId(), e.seq(), e.at(), e.deviceId(), e.address(), e.event(),
                        e.detail(), HexFormat.of().parseHex(e.prevHash()), HexFormat.of().parseHex(e.hash())));
                after = e.seq();
            }
        } while (!page.entries().isEmpty());

        assertThat(entries).hasSize(5);
        assertThat(AuditChain.verify(entries, page.headSeq(), HexFormat.of().parseHex(page.headHash()))).isEmpty();
    }

    @Test
    void jwks_publishesTheSigningKeyThatVerifiesIssuedTokens() throws Exception {
        client.signup(email, PASSWORD, laptop);
        KeysClient.Session s = client.login(email, PASSWORD, laptop);

        JsonNode jwks = PinnedHttp.JSON.readTree(client.http().get("/v1/keys/jwks", null).body());
        com.nimbusds.jose.jwk.ECKey key = com.nimbusds.jose.jwk.ECKey.parse(jwks.get("keys").get(0).toString());
        com.nimbusds.jwt.SignedJWT jwt = com.nimbusds.jwt.SignedJWT.parse(s.token());

        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        assertThat(jwt.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(key))).isTrue();
    }

    @Test
    void storeAndLogs_holdNoShareTokenOrPasswordInClear() throws Exception {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        KeysClient.Session s;
        TokenResponse refreshed;
        try {
            start();
            client.signup(email, PASSWORD, laptop);
            s = client.login(email, PASSWORD, laptop);
            refreshed = PinnedHttp.read(client.http().sendJson("POST", "/v1/keys/token/refresh", null,
                    new RefreshRequest(s.response().refreshToken())), TokenResponse.class);
            client.finish(client.prove(email, "a wrong password"), laptop);
            server.close();
            server = null;
        } finally {
            System.setErr(originalErr);
        }
        String logText = logs.toString(StandardCharsets.UTF_8);
        assertThat(logText).as("the capture works").contains("event=share_released").contains("event=login_failed");
        for (String secret : List.of(PASSWORD, "a wrong password", s.token(), s.response().refreshToken(),
                refreshed.refreshToken(), refreshed.accessToken(), Base64.getEncoder().encodeToString(s.share()),
                HexFormat.of().formatHex(s.share()))) {
            assertThat(logText).doesNotContain(secret);
        }

        List<byte[]> needles = List.of(s.share(), PASSWORD.getBytes(StandardCharsets.UTF_8),
                s.token().getBytes(StandardCharsets.US_ASCII),
                s.response().refreshToken().getBytes(StandardCharsets.US_ASCII),
                refreshed.refreshToken().getBytes(StandardCharsets.US_ASCII));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith("keys.db"))
                    .toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String hay = HexFormat.of().formatHex(Files.readAllBytes(f));
            for (byte[] needle : needles) {
                assertThat(hay).as(f.getFileName() + " holds a secret in clear")
                        .doesNotContain(HexFormat.of().formatHex(needle));
            }
        }
    }
}
