package dev.termvault.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import dev.termvault.sync.server.keys.KeysAdmin;
import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Host;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SRP identity is the email as the server keys it (stripped, lower case) on every device, and a client can
 * sign up on a server that asks for a sign-up code.
 */
class EmailCaseAndSignupCodeTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;

    @Test
    void join_withTheEmailTypedInOtherCapitals_works() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (TestServer server = new TestServer(dir.resolve("server"))) {
            CreatedVault created = Vault.createLocal(dir.resolve("laptop"), PASSWORD.toCharArray());
            try (Vault laptop = created.vault()) {
                laptop.add(Host.of("web", "web.example.org", 22, "deploy"));
                Synchronizer sync = new Synchronizer(laptop, server.client().build()
                        .signUp(laptop, " Ada.Lovelace-" + run + "@Example.ORG", PASSWORD.toCharArray()));
                sync.syncOnce();

                SyncClient.Joined joined = server.client().build().join(dir.resolve("desktop"),
                        "ada.LOVELACE-" + run + "@example.org", PASSWORD.toCharArray(), created.secretKey());
                try (Vault desktop = joined.vault()) {
                    new Synchronizer(desktop, joined.session()).syncOnce();
                    assertThat(desktop.list()).extracting(r -> ((Host) r.item()).hostname())
                            .containsExactly("web.example.org");
                }
                assertThat(server.client().build().logIn(laptop, PASSWORD.toCharArray()).email())
                        .isEqualTo("ada.lovelace-" + run + "@example.org");
            }
        }
    }

    @Test
    void signUp_onAnInviteOnlyServer_asksForTheCode_thenCreatesTheAccountWithIt() {
        Path data = dir.resolve("server");
        try (SyncServer server = SyncServer.start(ServerConfig.of(Map.of("server.roles", "all",
                "server.data", data.toString(), "server.port", "0")))) {
            SyncClient client = SyncClient.builder(server.baseUri(), server.fingerprint())
                    .timeout(Duration.ofSeconds(5)).build();
            try (Vault first = Vault.createLocal(dir.resolve("first"), PASSWORD.toCharArray()).vault()) {
                client.signUp(first, "admin@example.org", PASSWORD.toCharArray());
            }
            try (Vault second = Vault.createLocal(dir.resolve("second"), PASSWORD.toCharArray()).vault()) {
                assertThatThrownBy(() -> client.signUp(second, "ada@example.org", PASSWORD.toCharArray()))
                        .isInstanceOfSatisfying(SyncException.SignupCodeRequired.class,
                                e -> assertThat(e.next()).isEqualTo("invite"));
                assertThat(second.account().syncLink()).isEmpty();

                String invite = invite(data, "ada@example.org");
                AccountSession session = client.signUp(second, "ada@example.org", PASSWORD.toCharArray(), invite);
                assertThat(session.email()).isEqualTo("ada@example.org");
                assertThat(second.account().syncLink()).isPresent();
            }
        }
    }

    private static String invite(Path data, String email) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(KeysAdmin.run(new String[] {"invite", "--email", email, "--data", data.toString()}, Map.of(), ps, ps))
                .as(out.toString(StandardCharsets.UTF_8)).isZero();
        Matcher m = Pattern.compile("^([0-9A-Z-]{23})$", Pattern.MULTILINE).matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
