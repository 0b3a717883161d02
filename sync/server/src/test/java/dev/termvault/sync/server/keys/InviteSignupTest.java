package dev.termvault.sync.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.ServerMain;
import dev.termvault.sync.server.SyncServer;
import dev.termvault.sync.server.support.PinnedHttp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invites an operator issues with {@code termvault server invite}: tied to one email, single use, expiring. */
class InviteSignupTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern INVITE = Pattern.compile("^([0-9A-Z]{5}(-[0-9A-Z]{5}){3})$", Pattern.MULTILINE);

    @TempDir
    Path data;

    private SyncServer start(java.time.Clock clock) {
        return SyncServer.start(ServerConfig.of(Map.of("server.roles", "keys", "server.data", data.toString(),
                "server.port", "0")), clock);
    }

    private String invite(String email, String... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        String[] args = Stream.concat(Stream.of("invite", "--email", email, "--data", data.toString()),
                Stream.of(more)).toArray(String[]::new);
        assertThat(ServerMain.run(args, ps, ps)).as(out.toString(StandardCharsets.UTF_8)).isZero();
        Matcher m = INVITE.matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(m.find()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
        return m.group(1);
    }

    @Test
    void anInvite_createsTheAccountOfItsEmail_once() throws Exception {
        try (SyncServer server = start(java.time.Clock.systemUTC())) {
            KeysClient client = new KeysClient(new PinnedHttp(server.baseUri(), server.fingerprint()));
            assertThat(client.signup("admin@example.org", PASSWORD, "admin-laptop").statusCode()).isEqualTo(201);
            String code = invite("ada@example.org");

            assertThat(NoAccountDisclosureTest.signupWithCode(client, "grace@example.org", code, "grace").statusCode())
                    .as("another email").isEqualTo(403);
            assertThat(NoAccountDisclosureTest.signupWithCode(client, "Ada@Example.org", code, "ada").statusCode())
                    .isEqualTo(201);
            assertThat(NoAccountDisclosureTest.signupWithCode(client, "ada@example.org", code, "ada-2").statusCode())
                    .as("single use").isEqualTo(403);
            assertThat(client.login("Ada@Example.org", PASSWORD, "ada-login").share()).hasSize(32);

            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8);
            assertThat(ServerMain.run(new String[] {"invite", "--email", "ada@example.org", "--data", data.toString()},
                    ps, ps)).as("an email with an account gets no invite").isEqualTo(1);
        }
    }

    @Test
    void anInvite_expires() throws Exception {
        FakeClock clock = new FakeClock(Instant.now());
        try (SyncServer server = start(clock)) {
            KeysClient client = new KeysClient(new PinnedHttp(server.baseUri(), server.fingerprint()));
            client.signup("admin@example.org", PASSWORD, "admin-laptop");
            String shortLived = invite("ada@example.org", "--days", "1");
            String weekLong = invite("grace@example.org");

            clock.advance(Duration.ofDays(2));
            assertThat(NoAccountDisclosureTest.signupWithCode(client, "ada@example.org", shortLived, "ada")
                    .statusCode()).isEqualTo(403);
            assertThat(NoAccountDisclosureTest.signupWithCode(client, "grace@example.org", weekLong, "grace")
                    .statusCode()).isEqualTo(201);
        }
    }
}
