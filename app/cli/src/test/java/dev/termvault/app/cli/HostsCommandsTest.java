package dev.termvault.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first CLI end to end, in-process, against real vault folders. */
class HostsCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private CliRun cli() {
        CliRun run = new CliRun(temp.resolve("default-vault"));
        run.environment.put("TV_PW", "correct horse battery staple");
        return run;
    }

    private String vault() {
        return temp.resolve("vault").toString();
    }

    @Test
    void initAddListShowRm_fullSession_worksAndJsonIsComplete() throws Exception {
        CliRun cli = cli();
        Path kit = temp.resolve("kit").resolve("emergency-kit.txt");

        CliRun.Result init = cli.run("init", "--vault", vault(), "--password-env", "TV_PW",
                "--emergency-kit", kit.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        Matcher secretKey = Pattern.compile("Secret Key:\\s+(\\S+)").matcher(init.out());
        assertThat(secretKey.find()).as(init.out()).isTrue();
        assertThat(init.out()).contains("Keep this Secret Key safe");
        assertThat(Files.readString(kit)).contains(secretKey.group(1)).contains("Keep this Secret Key safe");
        if (Files.getFileStore(kit).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(kit))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }

        // global options may come before the command name too
        CliRun.Result add = cli.run("--vault", vault(), "--password-env", "TV_PW", "hosts", "add",
                "--label", "web-01", "--hostname", "web-01.example.net", "--port", "2222", "--user", "deploy",
                "--tag", "prod", "--tag", "web");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added host web-01 (deploy@web-01.example.net:2222)");
        assertThat(cli.run("hosts", "add", "--vault", vault(), "--password-env", "TV_PW",
                "--label", "db", "--hostname", "10.0.0.5").exitCode()).isZero();

        CliRun.Result table = cli.run("hosts", "list", "--vault", vault(), "--password-env", "TV_PW");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("LABEL").contains("web-01.example.net").contains("10.0.0.5");

        CliRun.Result list = cli.run("hosts", "list", "--json", "--vault", vault(), "--password-env", "TV_PW");
        assertThat(list.exitCode()).isZero();
        JsonNode hosts = JSON.readTree(list.out());
        assertThat(hosts.isArray()).isTrue();
        assertThat(hosts).hasSize(2);
        JsonNode web = hosts.get(0).get("label").asText().equals("web-01") ? hosts.get(0) : hosts.get(1);
        assertThat(web.get("hostname").asText()).isEqualTo("web-01.example.net");
        assertThat(web.get("port").asInt()).isEqualTo(2222);
        assertThat(web.get("username").asText()).isEqualTo("deploy");
        assertThat(web.get("tags")).extracting(JsonNode::asText).containsExactly("prod", "web");
        assertThat(web.get("id").asText()).isNotBlank();
        assertThat(web.get("revision").asLong()).isEqualTo(1);

        CliRun.Result show = cli.run("hosts", "show", "web-01", "--vault", vault(), "--password-env", "TV_PW");
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).contains("web-01.example.net").contains("2222").contains("deploy")
                .contains("prod, web").contains(web.get("id").asText());

        CliRun.Result showJson = cli.run("hosts", "show", "db", "--json", "--vault", vault(),
                "--password-env", "TV_PW");
        JsonNode db = JSON.readTree(showJson.out());
        assertThat(db.get("hostname").asText()).isEqualTo("10.0.0.5");
        assertThat(db.get("port").asInt()).isEqualTo(22);
        assertThat(db.get("username").isNull()).isTrue();

        CliRun.Result rm = cli.run("hosts", "rm", "web-01", "--vault", vault(), "--password-env", "TV_PW");
        assertThat(rm.exitCode()).isZero();
        assertThat(rm.out()).contains("Removed host web-01");
        JsonNode after = JSON.readTree(
                cli.run("hosts", "list", "--json", "--vault", vault(), "--password-env", "TV_PW").out());
        assertThat(after).extracting(h -> h.get("label").asText()).containsExactly("db");
    }

    @Test
    void init_onTheTerminal_asksTwiceAndThenHostsAddAsksOnce() {
        CliRun cli = new CliRun(temp.resolve("default-vault")).typing("pw one two three", "pw one two three", "pw one two three");

        CliRun.Result init = cli.run("init");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("Created a vault in " + temp.resolve("default-vault"));
        CliRun.Result add = cli.run("hosts", "add", "--label", "a", "--hostname", "a.example");

        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(cli.prompts).containsExactly("New master password: ", "Repeat the new master password: ",
                "Master password: ");
    }

    @Test
    void init_passwordsDoNotMatch_exitsOneAndCreatesNothing() {
        CliRun cli = new CliRun(temp.resolve("default-vault")).typing("first", "second");

        CliRun.Result init = cli.run("init", "--vault", vault());

        assertThat(init.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(init.err()).contains("The two passwords do not match");
        assertThat(temp.resolve("vault")).doesNotExist();
    }

    @Test
    void hostsList_wrongPassword_exitsTwoWithAPlainMessageAndDetailsOnlyWithDebug() {
        CliRun cli = cli();
        cli.environment.put("WRONG", "not the password");
        assertThat(cli.run("init", "--vault", vault(), "--password-env", "TV_PW").exitCode()).isZero();

        CliRun.Result list = cli.run("hosts", "list", "--vault", vault(), "--password-env", "WRONG");
        CliRun.Result debug = cli.run("hosts", "list", "--debug", "--vault", vault(), "--password-env", "WRONG");

        assertThat(list.exitCode()).isEqualTo(ExitCodes.WRONG_PASSWORD);
        assertThat(list.err()).contains("Wrong master password").doesNotContain("Exception");
        assertThat(list.out()).isEmpty();
        assertThat(debug.exitCode()).isEqualTo(ExitCodes.WRONG_PASSWORD);
        assertThat(debug.err()).contains("Wrong master password").contains("VaultException$WrongPassword");
    }

    @Test
    void passwd_changesThePassword_oldOneIsThenRefused() {
        CliRun cli = cli();
        cli.environment.put("NEW_PW", "a brand new passphrase");
        assertThat(cli.run("init", "--vault", vault(), "--password-env", "TV_PW").exitCode()).isZero();

        CliRun.Result passwd = cli.run("passwd", "--vault", vault(), "--password-env", "TV_PW",
                "--new-password-env", "NEW_PW");
        assertThat(passwd.exitCode()).as(passwd.err()).isZero();
        assertThat(passwd.out()).contains("The master password was changed");

        CliRun.Result withOld = cli.run("hosts", "list", "--vault", vault(), "--password-env", "TV_PW");
        assertThat(withOld.exitCode()).isEqualTo(ExitCodes.WRONG_PASSWORD);
        assertThat(withOld.err()).contains("Wrong master password");
        assertThat(cli.run("hosts", "list", "--vault", vault(), "--password-env", "NEW_PW").exitCode()).isZero();
    }

    @Test
    void hostsList_oneRecordTampered_listsTheOthersAndExitsThree() throws Exception {
        CliRun cli = cli();
        assertThat(cli.run("init", "--vault", vault(), "--password-env", "TV_PW").exitCode()).isZero();
        for (String label : List.of("good", "bad")) {
            assertThat(cli.run("hosts", "add", "--label", label, "--hostname", label + ".example",
                    "--vault", vault(), "--password-env", "TV_PW").exitCode()).isZero();
        }
        JsonNode hosts = JSON.readTree(
                cli.run("hosts", "list", "--json", "--vault", vault(), "--password-env", "TV_PW").out());
        String badId = hosts.get(0).get("label").asText().equals("bad")
                ? hosts.get(0).get("id").asText() : hosts.get(1).get("id").asText();
        VaultFiles.flipLastEnvelopeByte(temp.resolve("vault"), badId);

        CliRun.Result list = cli.run("hosts", "list", "--vault", vault(), "--password-env", "TV_PW");
        assertThat(list.exitCode()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(list.out()).contains("good.example").doesNotContain("bad.example");
        assertThat(list.err()).contains("1 record(s) could not be read").contains("tampered").contains(badId);

        CliRun.Result show = cli.run("hosts", "show", "bad", "--vault", vault(), "--password-env", "TV_PW");
        assertThat(show.exitCode()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(show.err()).contains("could not be read").contains(badId);
    }

    @Test
    void commands_withoutAVault_exitFourAndSayHowToCreateOne() {
        CliRun.Result list = cli().run("hosts", "list", "--vault", vault(), "--password-env", "TV_PW");

        assertThat(list.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(list.err()).contains("There is no vault in").contains("termvault init --vault");
    }

    @Test
    void passwordEnv_variableNotSet_exitsOneAndNamesIt() {
        CliRun.Result init = cli().run("init", "--vault", vault(), "--password-env", "NOT_SET");

        assertThat(init.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(init.err()).contains("The environment variable NOT_SET");
        assertThat(temp.resolve("vault")).doesNotExist();
    }

    @Test
    void hostsAdd_missingHostname_isAUsageError() {
        CliRun.Result add = cli().run("hosts", "add", "--label", "x", "--vault", vault());

        assertThat(add.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(add.err()).contains("Missing required option: '--hostname=H'");
    }

    @Test
    void hostsAdd_badPort_isAUsageErrorBeforeAnyPasswordIsAsked() {
        CliRun cli = cli();
        CliRun.Result add = cli.run("hosts", "add", "--label", "x", "--hostname", "h", "--port", "70000",
                "--vault", vault());

        assertThat(add.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(add.err()).contains("Port must be between 1 and 65535");
        assertThat(cli.prompts).isEmpty();
    }
}
