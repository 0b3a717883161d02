package dev.termvault.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Host;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync client's side of the second factor, against the real server on loopback whose clock the test
 * holds still and moves by whole 30 s steps: enrol and confirm, then joins, logins and a password change that
 * ask the {@link SecondFactorPrompt}, a recovery code, and removal.
 */
class SecondFactorSyncTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration STEP = Duration.ofSeconds(30);

    /** A clock that stands still until the test moves it. */
    static final class HeldClock extends Clock {
        private volatile Instant now = Instant.parse("2026-05-04T09:00:05Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** A prompt that gives the scripted answers in turn and records what it was asked. */
    static final class ScriptedPrompt implements SecondFactorPrompt {
        final Deque<Supplier<Optional<SecondFactorCode>>> answers = new ArrayDeque<>();
        final List<Question> asked = new ArrayList<>();

        ScriptedPrompt then(Supplier<Optional<SecondFactorCode>> answer) {
            answers.add(answer);
            return this;
        }

        @Override
        public Optional<SecondFactorCode> ask(Question question) {
            asked.add(question);
            return answers.isEmpty() ? Optional.empty() : answers.poll().get();
        }
    }

    static final HeldClock CLOCK = new HeldClock();
    @TempDir
    static Path serverData;
    static TestServer server;

    @TempDir
    Path dir;
    private final String email = "2fa-" + UUID.randomUUID() + "@example.org";

    @BeforeAll
    static void startServer() {
        server = new TestServer(serverData, CLOCK);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static char[] pw() {
        return PASSWORD.toCharArray();
    }

    /** What an authenticator app shows for the base32 secret at the server's time, {@code off} steps away. */
    static String code(String base32, int off) throws Exception {
        byte[] key = base32(base32);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        long step = CLOCK.millis() / 1000 / 30 + off;
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int o = h[h.length - 1] & 0x0f;
        int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format("%06d", bin % 1_000_000);
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

    private static Supplier<Optional<SecondFactorCode>> totp(String secret, int off) {
        return () -> {
            try {
                return Optional.of(SecondFactorCode.totp(code(secret, off)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** A linked vault with one host, and TOTP enrolled and confirmed; the clock moved past the confirming step. */
    private record Enrolled(CreatedVault created, SecondFactorSetup.TotpSetup totp, List<String> recoveryCodes) {
    }

    private Enrolled enrolled() throws Exception {
        CreatedVault created = Vault.createLocal(dir.resolve("laptop"), pw());
        Vault laptop = created.vault();
        laptop.add(Host.of("web", "web.example.org", 22, "deploy"));
        SyncClient client = server.client().deviceName("laptop").build();
        AccountSession session = client.signUp(laptop, email, pw());
        new Synchronizer(laptop, session).syncOnce();
        SecondFactorSetup setup = client.secondFactor(session);
        assertThat(setup.state().active()).isFalse();

        SecondFactorSetup.TotpSetup totp = setup.enrolTotp(laptop, pw());
        assertThat(totp.otpauthUri()).isEqualTo("otpauth://totp/Termvault:" + email + "?secret=" + totp.secret()
                + "&issuer=Termvault");
        assertThat(setup.state()).isEqualTo(new SecondFactorSetup.State(false, true, 0));
        assertThatThrownBy(() -> setup.confirmTotp(code(totp.secret(), 3)))
                .isInstanceOf(SyncException.SecondFactorRefused.class);
        List<String> codes = setup.confirmTotp(code(totp.secret(), 0));
        assertThat(codes).hasSize(10);
        assertThat(setup.state()).isEqualTo(new SecondFactorSetup.State(true, false, 10));
        CLOCK.advance(STEP);
        return new Enrolled(created, totp, codes);
    }

    @Test
    void join_asksTheCodeThroughThePrompt_andWithoutOneIsRefusedBeforeAnyVaultIsMade() throws Exception {
        Enrolled e = enrolled();
        Path desktop = dir.resolve("desktop");

        assertThatThrownBy(() -> server.client().build().join(desktop, email, pw(), e.created().secretKey()))
                .isInstanceOf(SyncException.SecondFactorRequired.class);
        assertThat(desktop).doesNotExist();

        ScriptedPrompt prompt = new ScriptedPrompt().then(totp(e.totp().secret(), 5)).then(totp(e.totp().secret(), 0));
        SyncClient.Joined joined = server.client().secondFactorPrompt(prompt).build()
                .join(desktop, email, pw(), e.created().secretKey());
        try (Vault vault = joined.vault()) {
            new Synchronizer(vault, joined.session()).syncOnce();
            assertThat(vault.list()).extracting(r -> ((Host) r.item()).hostname()).containsExactly("web.example.org");
        }
        assertThat(prompt.asked).containsExactly(
                new SecondFactorPrompt.Question(SecondFactorPrompt.Reason.JOIN, email, false, 1),
                new SecondFactorPrompt.Question(SecondFactorPrompt.Reason.JOIN, email, true, 2));
        e.created().vault().close();
    }

    @Test
    void wrongCodesEveryTime_endAfterThreeQuestions_withSecondFactorRefused() throws Exception {
        Enrolled e = enrolled();
        ScriptedPrompt prompt = new ScriptedPrompt();
        for (int i = 0; i < 3; i++) {
            prompt.then(totp(e.totp().secret(), 4));
        }
        Vault laptop = e.created().vault();
        assertThatThrownBy(() -> server.client().secondFactorPrompt(prompt).build().logIn(laptop, pw()))
                .isInstanceOf(SyncException.SecondFactorRefused.class);
        assertThat(prompt.asked).hasSize(3);
        laptop.close();
    }

    @Test
    void passwordChange_asksTwice_theSecondTimeForTheNextCode() throws Exception {
        Enrolled e = enrolled();
        Vault laptop = e.created().vault();
        ScriptedPrompt prompt = new ScriptedPrompt().then(totp(e.totp().secret(), 0)).then(() -> {
            CLOCK.advance(STEP);
            return totp(e.totp().secret(), 0).get();
        });
        char[] newPassword = "a new horse battery staple".toCharArray();
        SyncClient client = server.client().secondFactorPrompt(prompt).build();

        client.changePassword(laptop, pw(), newPassword.clone());

        assertThat(prompt.asked).extracting(SecondFactorPrompt.Question::reason)
                .containsExactly(SecondFactorPrompt.Reason.PASSWORD_CHANGE, SecondFactorPrompt.Reason.PASSWORD_CHANGE);
        CLOCK.advance(STEP);
        ScriptedPrompt again = new ScriptedPrompt().then(totp(e.totp().secret(), 0));
        assertThat(server.client().secondFactorPrompt(again).build().logIn(laptop, newPassword.clone()).accountId())
                .isNotBlank();
        laptop.close();
    }

    @Test
    void recoveryCode_logsIn_thenRemovalWithACode_leavesLoginsWithoutAQuestion() throws Exception {
        Enrolled e = enrolled();
        Vault laptop = e.created().vault();
        ScriptedPrompt prompt = new ScriptedPrompt()
                .then(() -> Optional.of(SecondFactorCode.recovery(e.recoveryCodes().get(0))));
        SyncClient client = server.client().secondFactorPrompt(prompt).build();
        AccountSession session = client.logIn(laptop, pw());
        SecondFactorSetup setup = client.secondFactor(session);
        assertThat(setup.state().recoveryCodesLeft()).isEqualTo(9);

        setup.remove(laptop, pw(), SecondFactorCode.totp(code(e.totp().secret(), 0)));

        assertThat(setup.state()).isEqualTo(new SecondFactorSetup.State(false, false, 0));
        assertThat(server.client().build().logIn(laptop, pw()).accountId()).isEqualTo(session.accountId());
        laptop.close();
    }
}
