package dev.termvault.sync.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.termvault.sync.protocol.keys.DeviceInfo;
import dev.termvault.sync.protocol.keys.LoginStartRequest;
import dev.termvault.sync.protocol.keys.SignupRequest;
import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import dev.termvault.sync.server.support.PinnedHttp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under the default sign-up policy (invite) a stranger learns nothing about which emails have an account:
 * sign-up and login/start answer an email with an account exactly as one without, and nobody can take an
 * unused email by signing up first. The first account of a fresh server needs no invite.
 */
class NoAccountDisclosureTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path data;

    private SyncServer start() {
        return SyncServer.start(ServerConfig.of(Map.of("server.roles", "keys", "server.data", data.toString(),
                "server.port", "0")));
    }

    @Test
    void signupAndLoginStart_answerAnEmailWithAnAccountAsOneWithout() throws Exception {
        try (SyncServer server = start()) {
            KeysClient client = new KeysClient(new PinnedHttp(server.baseUri(), server.fingerprint()));
            String owner = "owner@example.org";
            assertThat(client.signup(owner, PASSWORD, "owner-laptop").statusCode())
                    .as("the first account of a fresh server needs no invite").isEqualTo(201);

            HttpResponse<String> taken = client.signup(owner, "squatter's password", "squat-1");
            HttpResponse<String> free = client.signup("nobody@example.org", "squatter's password", "squat-2");
            assertThat(taken.statusCode()).isEqualTo(202).isEqualTo(free.statusCode());
            assertThat(taken.body()).isEqualTo(free.body()).contains("\"next\":\"invite\"");

            HttpResponse<String> takenWrongCode = signupWithCode(client, owner, "ABCDE-FGHJK", "squat-3");
            HttpResponse<String> freeWrongCode = signupWithCode(client, "nobody@example.org", "ABCDE-FGHJK", "squat-4");
            assertThat(takenWrongCode.statusCode()).isEqualTo(403).isEqualTo(freeWrongCode.statusCode());
            assertThat(takenWrongCode.body()).isEqualTo(freeWrongCode.body());

            JsonNode known = startBody(client, owner);
            JsonNode unknown = startBody(client, "nobody@example.org");
            assertThat(fieldNames(known)).isEqualTo(fieldNames(unknown))
                    .containsExactlyInAnyOrder("loginId", "salt", "kdf", "b");
            assertThat(known.get("salt").asText().length()).isEqualTo(unknown.get("salt").asText().length());
            assertThat(known.get("b").asText().length()).isEqualTo(unknown.get("b").asText().length());
            assertThat(known.get("kdf")).isEqualTo(unknown.get("kdf"));

            assertThat(client.login(owner, PASSWORD, "owner-laptop").share())
                    .as("the owner is unharmed: the squatter's sign-ups changed nothing").hasSize(32);
            assertThat(client.finish(client.prove("nobody@example.org", "squatter's password"), "squat-5")
                    .statusCode()).as("and made no account").isEqualTo(401);
        }
    }

    @Test
    void openPolicy_isAnExplicitOptIn_thatSaysAnEmailIsTaken() throws Exception {
        try (SyncServer server = SyncServer.start(ServerConfig.of(Map.of("server.roles", "keys",
                "server.data", data.toString(), "server.port", "0", "keys.signup.policy", "open")))) {
            KeysClient client = new KeysClient(new PinnedHttp(server.baseUri(), server.fingerprint()));
            assertThat(client.signup("a@example.org", PASSWORD, "open-1").statusCode()).isEqualTo(201);
            assertThat(client.signup("b@example.org", PASSWORD, "open-2").statusCode()).isEqualTo(201);
            assertThat(client.signup("a@example.org", PASSWORD, "open-3").statusCode()).isEqualTo(409);
        }
    }

    @Test
    void firstAccountWithoutCode_canBeTurnedOff() throws Exception {
        try (SyncServer server = SyncServer.start(ServerConfig.of(Map.of("server.roles", "keys",
                "server.data", data.toString(), "server.port", "0", "keys.signup.firstAccountWithoutCode", "false")))) {
            KeysClient client = new KeysClient(new PinnedHttp(server.baseUri(), server.fingerprint()));
            assertThat(client.signup("first@example.org", PASSWORD, "first-1").statusCode()).isEqualTo(202);
        }
    }

    static HttpResponse<String> signupWithCode(KeysClient client, String email, String code, String device) {
        byte[] salt = KeysClient.salt();
        return client.http().sendJson("POST", "/v1/keys/signup", null, new SignupRequest(email, salt, KeysClient.KDF,
                KeysClient.verifier(email, PASSWORD, salt), new DeviceInfo(device + "-" + UUID.randomUUID(), "Laptop"),
                code));
    }

    private static JsonNode startBody(KeysClient client, String email) throws Exception {
        HttpResponse<String> r = client.http().sendJson("POST", "/v1/keys/login/start", null,
                new LoginStartRequest(email));
        assertThat(r.statusCode()).isEqualTo(200);
        return PinnedHttp.JSON.readTree(r.body());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
