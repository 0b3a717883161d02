package dev.termvault.sync.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.sync.protocol.keys.DeviceInfo;
import dev.termvault.sync.protocol.keys.LoginFinishRequest;
import dev.termvault.sync.protocol.keys.LoginStartRequest;
import dev.termvault.sync.protocol.keys.LoginStartResponse;
import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import dev.termvault.sync.server.support.Backend;
import dev.termvault.sync.server.support.PinnedHttp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The key service's limits, over HTTPS on loopback, with clients speaking from several loopback addresses
 * (127.0.0.n): a stranger cannot lock the owner out, and one address cannot take the login table or the
 * service's time from the others.
 */
class LoginThrottlingHttpTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final int PER_ADDRESS = 5;
    private static final int STARTS_PER_MINUTE = 20;

    @TempDir
    Path data;
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private SyncServer server;

    private PinnedHttp start(Backend backend) {
        Map<String, String> config = new HashMap<>(Map.of("server.roles", "keys", "server.data", data.toString(),
                "server.port", "0", "keys.signup.policy", "open", "keys.login.maxPending", "30",
                "keys.login.pendingPerAddress", Integer.toString(PER_ADDRESS),
                "keys.login.startsPerMinute", Integer.toString(STARTS_PER_MINUTE)));
        if (backend == Backend.POSTGRESQL) {
            var settings = backend.settings(data, "keys", cleanup);
            config.put("keys.db.url", settings.url());
            config.put("keys.db.user", settings.user());
        }
        server = SyncServer.start(ServerConfig.of(config));
        return new PinnedHttp(server.baseUri(), server.fingerprint());
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aStrangersWrongProofs_fromAnotherAddress_doNotStopTheOwnersLoginOrPasswordChange(Backend backend)
            throws Exception {
        PinnedHttp http = start(backend);
        KeysClient owner = new KeysClient(http.from(1));
        KeysClient stranger = new KeysClient(http.from(2));
        String email = "owner@example.org";
        assertThat(owner.signup(email, PASSWORD, "owner-laptop").statusCode()).isEqualTo(201);

        int limited = 0;
        for (int i = 0; i < 12; i++) {
            KeysClient.Proof guess;
            try {
                guess = stranger.prove(email, "guess " + i);
            } catch (IllegalStateException startRefused) {
                assertThat(startRefused).hasMessageContaining("429");
                limited++;
                continue;
            }
            limited += stranger.finish(guess, "stranger-" + i).statusCode() == 429 ? 1 : 0;
        }
        assertThat(limited).as("the stranger is slowed down").isPositive();

        KeysClient.Session session = owner.login(email, PASSWORD, "owner-laptop");
        assertThat(session.share()).hasSize(32);
        assertThat(owner.login(email, PASSWORD, "owner-desktop").share()).as("a second device joins")
                .isEqualTo(session.share());
        assertThat(owner.changeVerifier(session.token(), email, PASSWORD, "new password", false).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aFloodOfLoginStarts_fromOneAddress_isCut_andOthersStillLogIn() throws Exception {
        PinnedHttp http = start(Backend.SQLITE);
        KeysClient user = new KeysClient(http.from(4));
        assertThat(user.signup("user@example.org", PASSWORD, "user-laptop").statusCode()).isEqualTo(201);
        PinnedHttp flooder = http.from(3);

        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 3 * STARTS_PER_MINUTE && refused < 5; i++) {
            HttpResponse<String> r = flooder.sendJson("POST", "/v1/keys/login/start", null,
                    new LoginStartRequest("target" + i + "@example.org"));
            if (r.statusCode() == 429) {
                refused++;
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
                continue;
            }
            accepted++;
            // a malformed finish gives the pending login back at once and counts no failed proof, so only the
            // start rate can stop this flood
            LoginStartResponse s = PinnedHttp.read(r, LoginStartResponse.class);
            flooder.sendJson("POST", "/v1/keys/login/finish", null, new LoginFinishRequest(s.loginId(), null, null,
                    new DeviceInfo("flood-" + i, "flood")));
        }

        assertThat(refused).as("the flood is cut").isPositive();
        assertThat(accepted).isLessThanOrEqualTo(STARTS_PER_MINUTE + 1);
        assertThat(user.login("user@example.org", PASSWORD, "user-laptop").share()).hasSize(32);
    }

    @Test
    void pendingLogins_areBoundedPerAddress_andAFullTableRefusesNoOtherAddress() throws Exception {
        PinnedHttp http = start(Backend.SQLITE);
        PinnedHttp hoarder = http.from(5);
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertThat(startStatus(hoarder, "hoard" + i + "@example.org")).isEqualTo(200);
        }
        HttpResponse<String> over = hoarder.sendJson("POST", "/v1/keys/login/start", null,
                new LoginStartRequest("hoard-more@example.org"));
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.body()).contains("\"code\":\"rate_limited\"");

        // six more addresses hold 5 each: 35 > the table's 30, the oldest are dropped, nobody is refused
        for (int n = 6; n <= 11; n++) {
            PinnedHttp other = http.from(n);
            for (int i = 0; i < PER_ADDRESS; i++) {
                assertThat(startStatus(other, "a" + n + "-" + i + "@example.org")).as("address 127.0.0." + n)
                        .isEqualTo(200);
            }
        }
        KeysClient user = new KeysClient(http.from(12));
        assertThat(user.signup("late@example.org", PASSWORD, "late-laptop").statusCode()).isEqualTo(201);
        assertThat(user.login("late@example.org", PASSWORD, "late-laptop").share()).hasSize(32);
    }

    private static int startStatus(PinnedHttp http, String email) {
        return http.sendJson("POST", "/v1/keys/login/start", null, new LoginStartRequest(email)).statusCode();
    }
}
