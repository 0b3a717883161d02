package dev.termvault.sync.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import dev.termvault.sync.server.keys.store.AccountStore;
import dev.termvault.sync.server.store.Database;
import dev.termvault.sync.server.support.PinnedHttp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Master-key rotation end to end: rotate, re-wrap every share with the admin command, and still log in. */
class MasterKeyRotationTest {

    @TempDir
    Path data;

    private SyncServer start() {
        return SyncServer.start(ServerConfig.of(Map.of("server.roles", "keys", "server.data", data.toString(),
                "server.port", "0", "keys.signup.policy", "open")));
    }

    private int admin(String command, ByteArrayOutputStream out) {
        return KeysAdmin.run(new String[] {command, "--data", data.toString()}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void rotateThenRewrapShares_movesEveryShareToTheNewVersion_andLoginsReleaseTheSameShares() throws Exception {
        List<byte[]> shares = new ArrayList<>();
        try (SyncServer server = start()) {
            KeysClient client = new KeysClient(new PinnedHttp(server.baseUri(), server.fingerprint()));
            for (int i = 0; i < 3; i++) {
                client.signup("r" + i + "@example.org", "pw" + i, "rot-dev-" + i);
                shares.add(client.login("r" + i + "@example.org", "pw" + i, "rot-dev-" + i).share());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(admin("rotate-master-key", out)).isZero();
        try (SyncServer server = start()) {
            KeysClient client = new KeysClient(new PinnedHttp(server.baseUri(), server.fingerprint()));
            assertThat(client.login("r0@example.org", "pw0", "rot-dev-0").share())
                    .as("an old-version share still unwraps").isEqualTo(shares.get(0));
        }
        assertThat(admin("rewrap-shares", out)).isZero();
        assertThat(admin("verify-audit", out)).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("version 2")
                .contains("re-wrapped 3 shares and 2 service secrets").contains("3 audit logs checked, 0 broken");
        try (Database db = Database.open("keys", SyncServer.databaseSettings(
                ServerConfig.of(Map.of("server.data", data.toString())), "keys"))) {
            assertThat(new AccountStore(db, Clock.systemUTC()).sharesBelowVersion(2, 10)).isEmpty();
        }
        try (SyncServer server = start()) {
            KeysClient client = new KeysClient(new PinnedHttp(server.baseUri(), server.fingerprint()));
            for (int i = 0; i < 3; i++) {
                assertThat(client.login("r" + i + "@example.org", "pw" + i, "rot-dev-" + i).share())
                        .isEqualTo(shares.get(i));
            }
        }
    }

    @Test
    void anAdminCommand_neverMakesANewMasterKey_forAStoreThatHoldsSecrets() throws Exception {
        try (SyncServer server = start()) {
            new KeysClient(new PinnedHttp(server.baseUri(), server.fingerprint()))
                    .signup("kept@example.org", "pw", "kept-dev");
        }
        java.nio.file.Path keyFile = data.resolve("keys-master.key");
        assertThat(keyFile).exists();
        java.nio.file.Path aside = data.resolve("moved-away.key");
        java.nio.file.Files.move(keyFile, aside);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(admin("rotate-master-key", out)).isEqualTo(1);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("does not exist")
                .contains("restore the master key file");
        assertThat(keyFile).as("no new master key was made").doesNotExist();
        java.nio.file.Files.move(aside, keyFile);
        assertThat(admin("verify-audit", out)).isZero();
    }
}
