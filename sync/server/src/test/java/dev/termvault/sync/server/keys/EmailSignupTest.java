package dev.termvault.sync.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import dev.termvault.sync.server.support.PinnedHttp;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-up with email verification against a real SMTP server in the test (GreenMail): the code reaches the
 * address by SMTP, only that code creates the account, and an address that has an account is answered the
 * same and mailed a notice instead of a code.
 */
class EmailSignupTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CODE = Pattern.compile("\\b([0-9A-Z]{5}-[0-9A-Z]{5})\\b");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path data;
    private SyncServer server;
    private KeysClient client;

    @BeforeEach
    void start() {
        server = SyncServer.start(ServerConfig.of(Map.of("server.roles", "keys", "server.data", data.toString(),
                "server.port", "0", "keys.signup.policy", "email", "keys.signup.firstAccountWithoutCode", "false",
                "keys.smtp.host", "127.0.0.1", "keys.smtp.port", Integer.toString(MAIL.getSmtp().getPort()),
                "keys.smtp.security", "none", "keys.smtp.from", "accounts@termvault.test")));
        client = new KeysClient(new PinnedHttp(server.baseUri(), server.fingerprint()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theCodeArrivesBySmtp_andCreatesTheAccountOnce() throws Exception {
        HttpResponse<String> asked = client.signup("ada@example.org", PASSWORD, "ada-laptop");
        assertThat(asked.statusCode()).isEqualTo(202);
        assertThat(asked.body()).contains("\"next\":\"email_code\"").contains("\"accountId\":null");

        MimeMessage mail = nextMail(1);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ada@example.org");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("accounts@termvault.test");
        String code = code(mail);

        HttpResponse<String> made = NoAccountDisclosureTest.signupWithCode(client, "ada@example.org",
                code.toLowerCase(java.util.Locale.ROOT), "ada-laptop");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(made.body()).contains("\"accountId\":\"");
        assertThat(client.login("ada@example.org", PASSWORD, "ada-laptop-login").share()).hasSize(32);

        HttpResponse<String> again = NoAccountDisclosureTest.signupWithCode(client, "ada@example.org", code, "ada-2");
        assertThat(again.statusCode()).as("a code works once").isEqualTo(403);
    }

    @Test
    void aWrongCode_orTheCodeOfAnotherAddress_createsNothing() throws Exception {
        client.signup("bob@example.org", PASSWORD, "bob-laptop");
        client.signup("eve@example.org", PASSWORD, "eve-laptop");
        MimeMessage[] mails = nextMails(2);
        String evesCode = code(mails[0].getAllRecipients()[0].toString().startsWith("eve") ? mails[0] : mails[1]);

        HttpResponse<String> wrong = NoAccountDisclosureTest.signupWithCode(client, "bob@example.org", "ZZZZZ-ZZZZZ",
                "bob-1");
        HttpResponse<String> foreign = NoAccountDisclosureTest.signupWithCode(client, "bob@example.org", evesCode,
                "bob-2");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("\"code\":\"forbidden\"");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).isEqualTo(wrong.body());
        assertThat(client.finish(client.prove("bob@example.org", PASSWORD), "bob-3").statusCode())
                .as("no account was made").isEqualTo(401);
    }

    @Test
    void anAddressWithAnAccount_getsTheSameAnswer_andANoticeWithoutACode() throws Exception {
        client.signup("owner@example.org", PASSWORD, "owner-laptop");
        String code = code(nextMail(1));
        assertThat(NoAccountDisclosureTest.signupWithCode(client, "owner@example.org", code, "owner-laptop")
                .statusCode()).isEqualTo(201);

        HttpResponse<String> squat = client.signup("owner@example.org", "squatter's password", "squat-1");
        HttpResponse<String> fresh = client.signup("fresh@example.org", "squatter's password", "squat-2");
        assertThat(squat.statusCode()).isEqualTo(fresh.statusCode()).isEqualTo(202);
        assertThat(squat.body()).isEqualTo(fresh.body());

        MimeMessage[] mails = nextMails(3);
        MimeMessage notice = mails[1].getAllRecipients()[0].toString().startsWith("owner") ? mails[1] : mails[2];
        String text = GreenMailUtil.getBody(notice);
        assertThat(text).contains("already has").doesNotContainPattern(CODE.pattern());
        assertThat(client.login("owner@example.org", PASSWORD, "owner-laptop").share())
                .as("the owner's account is unchanged").hasSize(32);
    }

    private static MimeMessage nextMail(int total) {
        return nextMails(total)[total - 1];
    }

    private static MimeMessage[] nextMails(int total) {
        assertThat(MAIL.waitForIncomingEmail(20_000, total)).as("mail arrived").isTrue();
        return MAIL.getReceivedMessages();
    }

    private static String code(MimeMessage mail) {
        Matcher m = CODE.matcher(GreenMailUtil.getBody(mail));
        assertThat(m.find()).as("the mail holds a code").isTrue();
        return m.group(1);
    }
}
