package dev.termvault.sync.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.termvault.sync.protocol.keys.AuditLogPage;
import dev.termvault.sync.protocol.keys.ChangeVerifierRequest;
import dev.termvault.sync.protocol.keys.DeviceList;
import dev.termvault.sync.protocol.keys.RefreshRequest;
import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import dev.termvault.sync.server.blobs.BlobsRoleFactory;
import dev.termvault.sync.server.keys.crypto.TokenSigner;
import dev.termvault.sync.server.support.BlobClient;
import dev.termvault.sync.server.support.PinnedHttp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two accounts on one server running both roles: A can never see or touch B's devices, audit log or
 * verifier, and every authenticated key-service endpoint refuses expired, forged, wrongly signed and revoked
 * tokens. Revoking a device also stops it at the blob service at once.
 */
class CrossAccountTest {

    private static final String PW = "pw";

    @TempDir
    static Path data;
    private static SyncServer server;
    private static final FakeClock CLOCK = new FakeClock(Instant.now());
    private static KeysClient client;
    private static String aEmail;
    private static String bEmail;
    private static String aDevice;
    private static String bDevice;
    private static KeysClient.Session a;
    private static KeysClient.Session b;

    /** Every authenticated endpoint, with a body where it takes one; {id} is replaced by a device id. */
    private record Endpoint(String method, String path, Object body) {
    }

    private static final List<Endpoint> AUTHENTICATED = List.of(
            new Endpoint("GET", "/v1/keys/devices", null),
            new Endpoint("PATCH", "/v1/keys/devices/{id}", Map.of("name", "renamed")),
            new Endpoint("POST", "/v1/keys/devices/{id}/revoke", null),
            new Endpoint("GET", "/v1/keys/audit", null),
            new Endpoint("POST", "/v1/keys/account/password", Map.of()),
            new Endpoint("POST", "/v1/keys/account/secret-key", Map.of()),
            new Endpoint("GET", "/v1/keys/account/second-factor", null),
            new Endpoint("POST", "/v1/keys/account/second-factor/totp", Map.of()),
            new Endpoint("POST", "/v1/keys/account/second-factor/totp/confirm", Map.of()),
            new Endpoint("POST", "/v1/keys/account/second-factor/remove", Map.of()));

    @BeforeAll
    static void twoAccounts() throws Exception {
        server = SyncServer.start(ServerConfig.of(Map.of("server.roles", "all", "server.data", data.toString(),
                "server.port", "0", "keys.signup.policy", "open")), CLOCK);
        client = new KeysClient(new PinnedHttp(server.baseUri(), server.fingerprint()));
        String run = UUID.randomUUID().toString().substring(0, 8);
        aEmail = "a-" + run + "@example.org";
        bEmail = "b-" + run + "@example.org";
        aDevice = "a-dev-" + run;
        bDevice = "b-dev-" + run;
        client.signup(aEmail, PW, aDevice);
        client.signup(bEmail, PW, bDevice);
        a = client.login(aEmail, PW, aDevice);
        b = client.login(bEmail, PW, bDevice);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> call(Endpoint e, String token, String deviceId) {
        String path = e.path().replace("{id}", deviceId);
        return e.body() == null ? client.http().send(e.method(), path, token, null, null)
                : client.http().sendJson(e.method(), path, token, e.body());
    }

    @Test
    void accountA_cannotListRenameRevokeOrReadAnythingOfB() throws Exception {
        assertThat(call(AUTHENTICATED.get(1), a.token(), bDevice).statusCode()).as("rename B's device").isEqualTo(404);
        assertThat(call(AUTHENTICATED.get(2), a.token(), bDevice).statusCode()).as("revoke B's device").isEqualTo(404);

        DeviceList aDevices = PinnedHttp.read(client.http().get("/v1/keys/devices", a.token()), DeviceList.class);
        assertThat(aDevices.devices()).extracting(d -> d.id()).containsExactly(aDevice);
        AuditLogPage aAudit = PinnedHttp.read(client.http().get("/v1/keys/audit", a.token()), AuditLogPage.class);
        assertThat(aAudit.accountId()).isEqualTo(a.response().accountId());
        assertThat(aAudit.entries()).allSatisfy(e -> assertThat(e.deviceId()).isIn(aDevice, ""));

        DeviceList bDevices = PinnedHttp.read(client.http().get("/v1/keys/devices", b.token()), DeviceList.class);
        assertThat(bDevices.devices()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("device " + bDevice);
            assertThat(d.revokedAt()).isNull();
        });
        assertThat(client.http().get("/v1/keys/devices", b.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void accountA_cannotChangeBsVerifier_evenWithBsProof() throws Exception {
        KeysClient.Proof bProof = client.prove(bEmail, PW);
        byte[] salt = KeysClient.salt();
        HttpResponse<String> r = client.http().sendJson("POST", "/v1/keys/account/password", a.token(),
                new ChangeVerifierRequest(bProof.loginId(), bProof.a(), bProof.m1(), salt, KeysClient.KDF,
                        KeysClient.verifier(bEmail, "taken over", salt)));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(client.login(bEmail, PW, bDevice).share()).isEqualTo(b.share());
    }

    @Test
    void loginWithADeviceIdOfAnotherAccount_isRefused() throws Exception {
        assertThat(client.finish(client.prove(aEmail, PW), bDevice).statusCode()).isEqualTo(409);
    }

    @Test
    void everyAuthenticatedEndpoint_refusesMissingExpiredForgedAndWronglySignedTokens() throws Exception {
        ECKey stranger = TokenSigner.generateKey();
        String kid = SignedJWT.parse(a.token()).getHeader().getKeyID();
        ECKey sameKidOtherKey = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                .keyID(kid).generate();
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        String expired = sign(sameKidOtherKey, a, past, past.plus(Duration.ofMinutes(5)));
        String wronglySigned = new TokenSigner(List.of(sameKidOtherKey), java.time.Clock.systemUTC())
                .issueAccess(a.response().accountId(), aDevice);
        String unknownKid = new TokenSigner(List.of(stranger), java.time.Clock.systemUTC())
                .issueAccess(a.response().accountId(), aDevice);
        String[] parts = a.token().split("\\.");
        String[] bParts = b.token().split("\\.");
        String spliced = parts[0] + "." + bParts[1] + "." + parts[2];

        for (Endpoint e : AUTHENTICATED) {
            for (String token : new String[] {null, "garbage", expired, wronglySigned, unknownKid, spliced,
                b.response().refreshToken()}) {
                HttpResponse<String> r = call(e, token, aDevice);
                assertThat(r.statusCode()).as(e.method() + " " + e.path() + " with " + describe(token))
                        .isEqualTo(401);
                assertThat(r.body()).contains("\"code\":\"unauthorized\"");
            }
        }
    }

    @Test
    void everyAuthenticatedEndpoint_refusesARealTokenOnceItExpired() throws Exception {
        KeysClient.Session fresh = client.login(aEmail, PW, aDevice);
        assertThat(call(AUTHENTICATED.getFirst(), fresh.token(), aDevice).statusCode()).isEqualTo(200);

        CLOCK.advance(TokenSigner.ACCESS_LIFETIME.plusMinutes(1));
        try {
            for (Endpoint e : AUTHENTICATED) {
                assertThat(call(e, fresh.token(), aDevice).statusCode()).as(e.path()).isEqualTo(401);
            }
        } finally {
            a = client.login(aEmail, PW, aDevice);
            b = client.login(bEmail, PW, bDevice);
        }
    }

    private static String describe(String token) {
        return token == null ? "no token" : token.length() > 12 ? token.substring(0, 12) + "…" : token;
    }

    private static String sign(ECKey key, KeysClient.Session s, Instant iat, Instant exp) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer("termvault-keys").subject(s.response().accountId())
                        .claim("did", s.response().deviceId()).issueTime(Date.from(iat)).expirationTime(Date.from(exp))
                        .jwtID(UUID.randomUUID().toString()).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    @Test
    void revokedDevice_isRefusedByEveryKeyEndpointAndByTheBlobServiceAtOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "c-" + run + "@example.org";
        client.signup(email, PW, "c-main-" + run);
        KeysClient.Session main = client.login(email, PW, "c-main-" + run);
        KeysClient.Session lost = client.login(email, PW, "c-lost-" + run);
        BlobClient lostBlobs = new BlobClient(client.http(), lost.token());
        assertThat(lostBlobs.createVault(UUID.randomUUID().toString()).statusCode()).isEqualTo(201);
        assertThat(server.roles()).extracting(r -> r.name()).contains(BlobsRoleFactory.NAME);

        assertThat(client.http().send("POST", "/v1/keys/devices/c-lost-" + run + "/revoke", main.token(), null, null)
                .statusCode()).isEqualTo(204);

        for (Endpoint e : AUTHENTICATED) {
            assertThat(call(e, lost.token(), "c-main-" + run).statusCode()).as(e.path()).isEqualTo(401);
        }
        assertThat(client.http().sendJson("POST", "/v1/keys/token/refresh", null,
                new RefreshRequest(lost.response().refreshToken())).statusCode()).isEqualTo(401);
        assertThat(lostBlobs.createVault(UUID.randomUUID().toString()).statusCode()).isEqualTo(401);
        assertThat(new BlobClient(client.http(), main.token()).createVault(UUID.randomUUID().toString()).statusCode())
                .isEqualTo(201);
    }
}
