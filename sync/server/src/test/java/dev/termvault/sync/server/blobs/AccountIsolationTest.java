package dev.termvault.sync.server.blobs;

import static dev.termvault.sync.server.support.BlobClient.put;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.termvault.sync.protocol.blobs.ChangePage;
import dev.termvault.sync.protocol.blobs.Usage;
import dev.termvault.sync.protocol.blobs.VaultInfo;
import dev.termvault.sync.protocol.blobs.VaultList;
import dev.termvault.sync.server.support.BlobClient;
import dev.termvault.sync.server.support.BlobServer;
import dev.termvault.sync.server.support.PinnedHttp;
import dev.termvault.sync.server.support.TestTokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Account A can never read, write or list B's vaults, keys or changes; bad tokens are refused everywhere. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountIsolationTest {
    @TempDir
    static Path dir;
    private final TestTokens tokens = new TestTokens("kid-1");
    private BlobServer server;
    private PinnedHttp http;
    private String tokenA;
    private String tokenB;
    private final byte[] secretEnvelope = "A's envelope bytes".getBytes(StandardCharsets.UTF_8);

    /** One blob endpoint, as a request a device could send for vault {@code vault}. */
    record Endpoint(String name, Function<String, String[]> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Endpoint> vaultEndpoints() {
        return Stream.of(
                new Endpoint("GET vault", v -> new String[] {"GET", "/v1/vaults/" + v, null}),
                new Endpoint("GET keys", v -> new String[] {"GET", "/v1/vaults/" + v + "/keys", null}),
                new Endpoint("PUT key", v -> new String[] {"PUT", "/v1/vaults/" + v + "/keys/7",
                        "{\"wrappedKey\":\"AAEC\"}"}),
                new Endpoint("GET changes", v -> new String[] {"GET", "/v1/vaults/" + v + "/changes?after=0", null}),
                new Endpoint("POST changes", v -> new String[] {"POST", "/v1/vaults/" + v + "/changes",
                        "{\"changes\":[{\"recordId\":\"r1\",\"baseRevision\":1,\"revision\":2,\"envelope\":\"AAEC\"}]}"}));
    }

    static Stream<Endpoint> allEndpoints() {
        return Stream.concat(vaultEndpoints(), Stream.of(
                new Endpoint("GET vaults", v -> new String[] {"GET", "/v1/vaults", null}),
                new Endpoint("POST vaults", v -> new String[] {"POST", "/v1/vaults", "{\"vaultId\":\"fresh\"}"}),
                new Endpoint("GET usage", v -> new String[] {"GET", "/v1/usage", null}),
                new Endpoint("GET stream", v -> new String[] {"GET", "/v1/stream", null})));
    }

    @BeforeAll
    void start() throws Exception {
        server = new BlobServer(dir, tokens);
        http = server.http();
        tokenA = tokens.access("account-a", "device-a");
        tokenB = tokens.access("account-b", "device-b");
        BlobClient a = new BlobClient(http, tokenA);
        a.createVaultOk("vault-a");
        a.push("vault-a", put("r1", 0, secretEnvelope));
        assertThat(http.sendJson("PUT", "/v1/vaults/vault-a/keys/1", tokenA, Map.of("wrappedKey", new byte[] {9, 9}))
                .statusCode()).isEqualTo(201);
        new BlobClient(http, tokenB).createVaultOk("vault-b");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private HttpResponse<String> call(Endpoint e, String vault, String token) {
        String[] r = e.request().apply(vault);
        return http.send(r[0], r[1], token, r[2] == null ? null : "application/json", r[2]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vaultEndpoints")
    void otherAccountsVault_isNotFound_exactlyLikeAMissingVault_andUnchanged(Endpoint endpoint) {
        HttpResponse<String> foreign = call(endpoint, "vault-a", tokenB);
        HttpResponse<String> missing = call(endpoint, "no-such-vault", tokenB);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(missing.body()).contains("\"code\":\"not_found\"");
        assertThat(foreign.body()).doesNotContain("account-a");

        ChangePage page = new BlobClient(http, tokenA).pull("vault-a", 0, 10);
        assertThat(page.changes()).singleElement().satisfies(c -> {
            assertThat(c.revision()).isEqualTo(1);
            assertThat(c.envelope()).isEqualTo(secretEnvelope);
        });
        assertThat(http.get("/v1/vaults/vault-a/keys", tokenA).body()).doesNotContain("\"keyVersion\":7");
    }

    @Test
    void listAndUsage_showOnlyTheCallersOwn() {
        VaultList listB = PinnedHttp.read(http.get("/v1/vaults", tokenB), VaultList.class);
        assertThat(listB.vaults()).extracting(VaultInfo::vaultId).containsExactly("vault-b");
        VaultList listA = PinnedHttp.read(http.get("/v1/vaults", tokenA), VaultList.class);
        assertThat(listA.vaults()).extracting(VaultInfo::vaultId).contains("vault-a").doesNotContain("vault-b");
        Usage usageB = PinnedHttp.read(http.get("/v1/usage", tokenB), Usage.class);
        assertThat(usageB.bytes()).isZero();
        assertThat(usageB.records()).isZero();
    }

    @Test
    void createWithAnotherAccountsVaultId_isConflict_andDoesNotTakeIt() {
        HttpResponse<String> r = new BlobClient(http, tokenB).createVault("vault-a");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("\"code\":\"conflict\"").doesNotContain("account-a");
        assertThat(http.get("/v1/vaults/vault-a", tokenA).statusCode()).isEqualTo(200);
    }

    static Stream<Arguments> badTokens() {
        TestTokens good = new TestTokens("kid-1");
        TestTokens impostor = new TestTokens("kid-1");
        Instant now = Instant.now();
        return allEndpoints().flatMap(e -> Stream.of(
                Arguments.of(e, "no token", (Function<TestTokens, String>) t -> null),
                Arguments.of(e, "garbage", (Function<TestTokens, String>) t -> "not.a.jwt"),
                Arguments.of(e, "expired", (Function<TestTokens, String>) t ->
                        t.access("account-a", "device-a", "termvault-keys", now.minus(Duration.ofMinutes(20)),
                                Duration.ofMinutes(5))),
                Arguments.of(e, "wrong issuer", (Function<TestTokens, String>) t ->
                        t.access("account-a", "device-a", "someone-else", now, Duration.ofMinutes(5))),
                Arguments.of(e, "signed by another key with the same kid", (Function<TestTokens, String>) t ->
                        impostor.access("account-a", "device-a")),
                Arguments.of(e, "unsigned (alg none)", (Function<TestTokens, String>) t -> unsigned()),
                Arguments.of(e, "HMAC-signed", (Function<TestTokens, String>) t -> hmac()),
                Arguments.of(e, "payload swapped", (Function<TestTokens, String>) AccountIsolationTest::swappedPayload),
                Arguments.of(e, "revocation token", (Function<TestTokens, String>) t ->
                        t.revocation("account-a", "device-a"))))
                .filter(a -> good != null);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badTokens")
    void badToken_isRefusedWithUnauthorized(Endpoint endpoint, String kind, Function<TestTokens, String> token) {
        HttpResponse<String> r = call(endpoint, "vault-a", token.apply(tokens));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("\"code\":\"unauthorized\"");
    }

    @Test
    void revokedDevice_isRefusedAtOnce_whileTheAccountsOtherDevicesWork() {
        BlobClient doomed = new BlobClient(http, tokens.access("account-c", "lost-laptop"));
        BlobClient kept = new BlobClient(http, tokens.access("account-c", "desktop"));
        doomed.createVaultOk("vault-c");
        HttpResponse<String> forged = http.sendJson("POST", "/v1/internal/revocations", null,
                Map.of("token", new TestTokens("kid-1").revocation("account-c", "desktop")));
        assertThat(forged.statusCode()).isEqualTo(401);
        HttpResponse<String> asAccess = http.sendJson("POST", "/v1/internal/revocations", null,
                Map.of("token", tokens.access("account-c", "desktop")));
        assertThat(asAccess.statusCode()).isEqualTo(401);

        HttpResponse<String> revoke = http.sendJson("POST", "/v1/internal/revocations", null,
                Map.of("token", tokens.revocation("account-c", "lost-laptop")));
        assertThat(revoke.statusCode()).isEqualTo(204);
        assertThat(doomed.pullRaw("vault-c", 0, 10).statusCode()).isEqualTo(401);
        assertThat(new BlobClient(http, tokens.access("account-c", "lost-laptop")).pullRaw("vault-c", 0, 10)
                .statusCode()).isEqualTo(401);
        assertThat(kept.pullRaw("vault-c", 0, 10).statusCode()).isEqualTo(200);
        server.restart();
        http = server.http();
        assertThat(new BlobClient(http, tokens.access("account-c", "lost-laptop")).pullRaw("vault-c", 0, 10)
                .statusCode()).isEqualTo(401);
    }

    private static String unsigned() {
        return new PlainJWT(claims("account-a", "device-a")).serialize();
    }

    private static String hmac() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("kid-1").build(),
                    claims("account-a", "device-a"));
            jwt.sign(new MACSigner(new byte[32]));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String swappedPayload(TestTokens t) {
        String[] mine = t.access("account-b", "device-b").split("\\.");
        String theirs = Base64URL.encode(claims("account-a", "device-a").toString()).toString();
        return String.join(".", List.of(mine[0], theirs, mine[2]));
    }

    private static JWTClaimsSet claims(String account, String device) {
        return new JWTClaimsSet.Builder().issuer("termvault-keys").subject(account).claim("did", device)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).jwtID("j").build();
    }
}
