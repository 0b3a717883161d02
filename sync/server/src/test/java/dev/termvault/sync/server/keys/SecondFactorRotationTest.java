package dev.termvault.sync.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.sync.protocol.keys.SecondFactorAnswer;
import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import dev.termvault.sync.server.keys.crypto.WrappedKey;
import dev.termvault.sync.server.keys.store.FactorStore;
import dev.termvault.sync.server.store.Database;
import dev.termvault.sync.server.support.PinnedHttp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A master-key rotation moves the TOTP secrets too, and codes keep working after the old version is unused. */
class SecondFactorRotationTest {

    @TempDir
    Path data;
    private final FakeClock clock = new FakeClock(Instant.parse("2026-04-01T08:00:10Z"));

    private SyncServer start() {
        return SyncServer.start(ServerConfig.of(Map.of("server.roles", "keys", "server.data", data.toString(),
                "server.port", "0", "keys.signup.policy", "open")), clock);
    }

    private int admin(String command, ByteArrayOutputStream out) {
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return KeysAdmin.run(new String[] {command, "--data", data.toString()}, Map.of(), print, print);
    }

    @Test
    void rewrapShares_movesTheTotpSecretToTheNewVersion_andTheSameCodesStillLogIn() throws Exception {
        byte[] secret;
        try (SyncServer server = start()) {
            KeysClient keys = new KeysClient(new PinnedHttp(server.baseUri(), server.fingerprint()));
            keys.signup("rot@example.org", "pw", "rot-laptop");
            KeysClient.Session s = keys.login("rot@example.org", "pw", "rot-laptop");
            secret = new FactorClient(keys, clock).enrolAndConfirm(s.token(), "rot@example.org", "pw").secret();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(admin("rotate-master-key", out)).isZero();
        assertThat(admin("rewrap-shares", out)).isZero();
        assertThat(admin("rewrap-shares", out)).as("safe to run again").isZero();
        assertThat(admin("verify-audit", out)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("and 1 second-factor secrets")
                .contains("and 0 second-factor secrets").contains("1 audit logs checked, 0 broken");
        try (Database db = Database.open("keys", SyncServer.databaseSettings(
                ServerConfig.of(Map.of("server.data", data.toString())), "keys"))) {
            assertThat(new FactorStore(db, clock).all()).singleElement()
                    .satisfies(f -> assertThat(WrappedKey.parse(f.secret()).version()).isEqualTo(2));
        }

        clock.advance(Duration.ofSeconds(30));
        try (SyncServer server = start()) {
            KeysClient keys = new KeysClient(new PinnedHttp(server.baseUri(), server.fingerprint()));
            FactorClient factors = new FactorClient(keys, clock);
            assertThat(factors.finish(keys.prove("rot@example.org", "pw"), "rot-desktop",
                    SecondFactorAnswer.totp(factors.code(secret, 0))).statusCode()).isEqualTo(200);
        }
    }
}
