package dev.termvault.sync.server.blobs;

import static dev.termvault.sync.server.support.BlobClient.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.sync.protocol.ApiError;
import dev.termvault.sync.server.support.BlobClient;
import dev.termvault.sync.server.support.BlobServer;
import dev.termvault.sync.server.support.PinnedHttp;
import dev.termvault.sync.server.support.TestTokens;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile or broken requests get a 4xx with a JSON error, and the server keeps serving everyone else. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestTest {
    private static final int MAX_BODY = 64 * 1024;
    @TempDir
    static Path dir;
    private final TestTokens tokens = new TestTokens();
    private BlobServer server;
    private PinnedHttp http;
    private BlobClient device;

    @BeforeAll
    void start() throws Exception {
        server = new BlobServer(dir, tokens, dev.termvault.sync.server.support.Backend.SQLITE, new ArrayList<>(),
                Map.of("server.maxBodyBytes", String.valueOf(MAX_BODY), "blobs.limits.maxBatch", "5",
                        "blobs.limits.maxEnvelopeBytes", "1024"));
        http = server.http();
        device = new BlobClient(http, tokens.access("acct", "dev"));
        device.createVaultOk("v");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static Stream<Arguments> badPushes() {
        String env = Base64.getEncoder().encodeToString(new byte[16]);
        String big = Base64.getEncoder().encodeToString(new byte[2048]);
        StringBuilder six = new StringBuilder("{\"changes\":[");
        for (int i = 0; i < 6; i++) {
            six.append(i == 0 ? "" : ",").append("{\"recordId\":\"r").append(i)
                    .append("\",\"baseRevision\":0,\"revision\":1,\"envelope\":\"").append(env).append("\"}");
        }
        six.append("]}");
        return Stream.of(
                Arguments.of("malformed JSON", "application/json", "{\"changes\": [", 400, "bad_request"),
                Arguments.of("trailing garbage", "application/json", "{\"changes\":[]} x", 400, "bad_request"),
                Arguments.of("not an object", "application/json", "[1,2,3]", 400, "bad_request"),
                Arguments.of("empty body", "application/json", "", 400, "bad_request"),
                Arguments.of("unknown field", "application/json",
                        "{\"changes\":[],\"sneaky\":1}", 400, "bad_request"),
                Arguments.of("unknown item field", "application/json",
                        "{\"changes\":[{\"recordId\":\"r\",\"revision\":1,\"envelope\":\"" + env + "\",\"x\":1}]}",
                        400, "bad_request"),
                Arguments.of("bad base64", "application/json",
                        "{\"changes\":[{\"recordId\":\"r\",\"revision\":1,\"envelope\":\"@@not base64@@\"}]}",
                        400, "bad_request"),
                Arguments.of("wrong type", "application/json", "{\"changes\":\"lots\"}", 400, "bad_request"),
                Arguments.of("envelope and delete", "application/json",
                        "{\"changes\":[{\"recordId\":\"r\",\"revision\":1,\"envelope\":\"" + env + "\",\"delete\":true}]}",
                        400, "bad_request"),
                Arguments.of("revision not after base", "application/json",
                        "{\"changes\":[{\"recordId\":\"r\",\"baseRevision\":3,\"revision\":3,\"envelope\":\"" + env + "\"}]}",
                        400, "bad_request"),
                Arguments.of("bad record id", "application/json",
                        "{\"changes\":[{\"recordId\":\"../../etc\",\"revision\":1,\"envelope\":\"" + env + "\"}]}",
                        400, "bad_request"),
                Arguments.of("empty batch", "application/json", "{\"changes\":[]}", 400, "bad_request"),
                Arguments.of("batch too large", "application/json", six.toString(), 413, "payload_too_large"),
                Arguments.of("envelope too large", "application/json",
                        "{\"changes\":[{\"recordId\":\"r\",\"revision\":1,\"envelope\":\"" + big + "\"}]}",
                        413, "payload_too_large"),
                Arguments.of("text/plain", "text/plain", "{\"changes\":[]}", 415, "unsupported_media_type"),
                Arguments.of("form", "application/x-www-form-urlencoded", "changes=1", 415, "unsupported_media_type"),
                Arguments.of("no content type", null, "{\"changes\":[]}", 415, "unsupported_media_type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPushes")
    void badPush_isA4xxJsonError_andTheServerKeepsServing(String name, String type, String body, int status,
                                                          String code) {
        HttpResponse<String> r = http.send("POST", "/v1/vaults/v/changes", device.token(), type, body);
        assertError(r, status, code);
        assertThat(r.body()).doesNotContain("not base64").doesNotContain("etc");
        stillServes();
    }

    @Test
    void oversizedBody_withLength_isPayloadTooLarge() {
        String body = "{\"vaultId\":\"" + "x".repeat(MAX_BODY) + "\"}";
        assertError(http.send("POST", "/v1/vaults", device.token(), "application/json", body), 413, "payload_too_large");
        stillServes();
    }

    @Test
    void oversizedBody_chunked_isRefusedWith4xx() {
        byte[] body = ("{\"vaultId\":\"" + "x".repeat(MAX_BODY * 2) + "\"}").getBytes();
        HttpRequest req = http.request("/v1/vaults", device.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> r = http.send(req);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(PinnedHttp.read(r, ApiError.class).code()).isEqualTo("payload_too_large");
        stillServes();
    }

    @Test
    void badQueryAndPathParameters_areBadRequests() {
        assertError(http.get("/v1/vaults/v/changes?after=abc", device.token()), 400, "bad_request");
        assertError(http.get("/v1/vaults/v/changes?after=-1", device.token()), 400, "bad_request");
        assertError(http.get("/v1/vaults/v/changes?limit=0", device.token()), 400, "bad_request");
        assertError(http.get("/v1/vaults/v/changes?limit=100000", device.token()), 400, "bad_request");
        assertError(http.send("PUT", "/v1/vaults/v/keys/one", device.token(), "application/json",
                "{\"wrappedKey\":\"AAEC\"}"), 400, "bad_request");
        assertError(http.send("PUT", "/v1/vaults/v/keys/0", device.token(), "application/json",
                "{\"wrappedKey\":\"AAEC\"}"), 400, "bad_request");
        assertError(http.send("DELETE", "/v1/vaults/v", device.token(), null, null), 404, "not_found");
        stillServes();
    }

    @Test
    void keyVersions_areWriteOnce() {
        assertThat(http.sendJson("PUT", "/v1/vaults/v/keys/3", device.token(), Map.of("wrappedKey", new byte[] {1}))
                .statusCode()).isEqualTo(201);
        assertThat(http.sendJson("PUT", "/v1/vaults/v/keys/3", device.token(), Map.of("wrappedKey", new byte[] {1}))
                .statusCode()).isEqualTo(200);
        assertError(http.sendJson("PUT", "/v1/vaults/v/keys/3", device.token(), Map.of("wrappedKey", new byte[] {2})),
                409, "conflict");
    }

    private void stillServes() {
        BlobClient other = new BlobClient(http, tokens.access("someone-else", "phone"));
        other.createVaultOk("other-vault");
        other.pull("other-vault", 0, 10);
        assertThat(other.push("other-vault", put(java.util.UUID.randomUUID().toString(), 0, new byte[] {1, 2, 3})).results())
                .singleElement().satisfies(x -> assertThat(x.status()).isEqualTo("applied"));
    }

    private static void assertError(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        ApiError error = PinnedHttp.read(r, ApiError.class);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.message()).isNotBlank();
    }

}
