package dev.termvault.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Host;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** account signup/login, sync, sync status, devices list and revoke against the real server on loopback. */
class SyncCommandsTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path temp;

    private static CreatedVault laptopWithAHost(Path dir) {
        CreatedVault created = Vault.createLocal(dir, PASSWORD.toCharArray());
        created.vault().add(Host.of("web", "web.example.org", 22, "deploy"));
        created.vault().close();
        return created;
    }

    private SyncServer server() {
        return SyncServer.start(ServerConfig.of(Map.of("server.roles", "all",
                "server.data", temp.resolve("server").toString(), "server.port", "0")));
    }

    /** The CLI with the master password in TV_PW and the laptop's Secret Key in TV_SK. */
    private CliRun cli(CreatedVault laptop) {
        CliRun cli = new CliRun(temp.resolve("default"));
        cli.environment.put("TV_PW", PASSWORD);
        cli.environment.put("TV_SK", laptop.secretKey());
        return cli;
    }

    @Test
    void signupStatusLoginOnASecondDeviceSyncAndDevices_endToEnd() throws Exception {
        Path laptop = temp.resolve("laptop");
        CreatedVault created = laptopWithAHost(laptop);
        try (SyncServer server = server()) {
            CliRun cli = cli(created);
            String url = server.baseUri().toString();

            CliRun.Result before = cli.run("sync", "status", "--json", "--vault", laptop.toString());
            assertThat(before.exitCode()).as(before.err()).isZero();
            assertThat(new ObjectMapper().readTree(before.out()).get("linked").asBoolean()).isFalse();

            CliRun.Result signup = cli.run("account", "signup", "--vault", laptop.toString(), "--password-env",
                    "TV_PW", "--server", url, "--fingerprint", server.fingerprint(), "--email", "cli@example.org");
            assertThat(signup.exitCode()).as(signup.err()).isZero();
            assertThat(signup.out()).contains("1 record(s) uploaded");

            JsonNode status = new ObjectMapper().readTree(cli.run("sync", "status", "--json", "--vault",
                    laptop.toString()).out());
            assertThat(status.get("linked").asBoolean()).isTrue();
            assertThat(status.get("pending").asInt()).isZero();

            Path desktop = temp.resolve("desktop");
            CliRun.Result login = cli.run("account", "login", "--vault", desktop.toString(), "--password-env", "TV_PW",
                    "--secret-key-env", "TV_SK", "--server", url, "--fingerprint", server.fingerprint(),
                    "--email", "cli@example.org");
            assertThat(login.exitCode()).as(login.err()).isZero();
            assertThat(login.out()).contains("1 record(s) brought");

            CliRun.Result sync = cli.run("sync", "--vault", desktop.toString(), "--password-env", "TV_PW");
            assertThat(sync.exitCode()).as(sync.err()).isZero();
            assertThat(sync.out()).contains("In sync: 1 record(s), 0 change(s) pending");

            CliRun.Result devices = cli.run("devices", "list", "--vault", desktop.toString(), "--password-env",
                    "TV_PW");
            assertThat(devices.exitCode()).as(devices.err()).isZero();
            assertThat(devices.out().lines().count()).isEqualTo(2);
            assertThat(devices.out()).contains("(this device)");

            // revoke the laptop from the desktop: the laptop is refused, says why, and keeps its vault
            String laptopId = devices.out().lines().filter(l -> !l.contains("(this device)")).findFirst()
                    .orElseThrow().split(" ")[0];
            CliRun.Result revoke = cli.run("devices", "revoke", laptopId, "--vault", desktop.toString(),
                    "--password-env", "TV_PW");
            assertThat(revoke.exitCode()).as(revoke.err()).isZero();
            assertThat(revoke.out()).contains("Revoked device " + laptopId);
            CliRun.Result after = cli.run("devices", "list", "--vault", desktop.toString(), "--password-env",
                    "TV_PW");
            assertThat(after.out().lines().filter(l -> l.startsWith(laptopId))).singleElement()
                    .satisfies(l -> assertThat(l).contains("REVOKED"));
            CliRun.Result refused = cli.run("sync", "--vault", laptop.toString(), "--password-env", "TV_PW");
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(refused.err()).contains("This device was revoked").contains("kept");
            try (Vault kept = Vault.open(laptop)) {
                kept.unlock(PASSWORD.toCharArray());
                assertThat(kept.list()).extracting(r -> ((Host) r.item()).hostname()).containsExactly("web.example.org");
            }
        }
    }

    @Test
    void passwdOnALinkedVault_changesItOnTheAccount_andTheOtherDeviceTakesItOverKeepingItsEdits() {
        Path laptop = temp.resolve("laptop");
        CreatedVault created = laptopWithAHost(laptop);
        try (SyncServer server = server()) {
            CliRun cli = cli(created);
            cli.environment.put("NEW_PW", "a brand new passphrase");
            String url = server.baseUri().toString();
            assertThat(cli.run("account", "signup", "--vault", laptop.toString(), "--password-env", "TV_PW",
                    "--server", url, "--fingerprint", server.fingerprint(), "--email", "pw@example.org").exitCode())
                    .isZero();
            Path desktop = temp.resolve("desktop");
            assertThat(cli.run("account", "login", "--vault", desktop.toString(), "--password-env", "TV_PW",
                    "--secret-key-env", "TV_SK", "--server", url, "--fingerprint", server.fingerprint(),
                    "--email", "pw@example.org").exitCode()).isZero();
            assertThat(cli.run("hosts", "add", "--label", "db", "--hostname", "db.example.org", "--vault",
                    desktop.toString(), "--password-env", "TV_PW").exitCode()).isZero();

            CliRun.Result passwd = cli.run("passwd", "--vault", laptop.toString(), "--password-env", "TV_PW",
                    "--new-password-env", "NEW_PW");
            assertThat(passwd.exitCode()).as(passwd.err()).isZero();
            assertThat(passwd.out()).contains("The master password was changed")
                    .contains("log in with it on your other devices");

            CliRun.Result withOld = cli.run("sync", "--vault", desktop.toString(), "--password-env", "TV_PW");
            assertThat(withOld.exitCode()).isNotZero();
            assertThat(withOld.err()).contains("The master password was changed on another device; enter the new one");

            CliRun.Result withNew = cli.run("sync", "--vault", desktop.toString(), "--password-env", "NEW_PW");
            assertThat(withNew.exitCode()).as(withNew.err()).isZero();
            assertThat(withNew.err()).contains("this device now uses the new one");
            assertThat(withNew.out()).contains("In sync: 2 record(s), 0 change(s) pending");

            CliRun.Result onLaptop = cli.run("sync", "--vault", laptop.toString(), "--password-env", "NEW_PW");
            assertThat(onLaptop.exitCode()).as(onLaptop.err()).isZero();
            assertThat(onLaptop.out()).contains("In sync: 2 record(s), 0 change(s) pending");
            assertThat(cli.run("hosts", "list", "--vault", laptop.toString(), "--password-env", "TV_PW").exitCode())
                    .isEqualTo(ExitCodes.WRONG_PASSWORD);
        }
    }

    @Test
    void accountStatus_andDevicesByName_renameRevoke_refuseThisDevice_andAmbiguousNames() throws Exception {
        Path laptop = temp.resolve("laptop");
        CreatedVault created = laptopWithAHost(laptop);
        try (SyncServer server = server()) {
            CliRun cli = cli(created);
            String url = server.baseUri().toString();
            String[] onLaptop = {"--vault", laptop.toString(), "--password-env", "TV_PW"};
            assertThat(cli.run(concat(new String[] {"account", "signup", "--server", url, "--fingerprint",
                    server.fingerprint(), "--email", "names@example.org"}, onLaptop)).exitCode()).isZero();
            Path desktop = temp.resolve("desktop");
            String[] onDesktop = {"--vault", desktop.toString(), "--password-env", "TV_PW"};
            assertThat(cli.run(concat(new String[] {"account", "login", "--secret-key-env", "TV_SK", "--server", url,
                    "--fingerprint", server.fingerprint(), "--email", "names@example.org"}, onDesktop)).exitCode())
                    .isZero();

            JsonNode devices = new ObjectMapper().readTree(cli.run(concat(new String[] {"devices", "list", "--json"},
                    onDesktop)).out());
            assertThat(devices).hasSize(2);
            String sameName = devices.get(0).get("name").asText();
            assertThat(devices.get(1).get("name").asText()).as("both are this computer's CLI").isEqualTo(sameName);
            CliRun.Result ambiguous = cli.run(concat(new String[] {"devices", "revoke", sameName}, onDesktop));
            assertThat(ambiguous.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
            assertThat(ambiguous.err()).contains("Several devices answer to");

            String laptopId = (devices.get(0).get("current").asBoolean() ? devices.get(1) : devices.get(0))
                    .get("id").asText();
            CliRun.Result rename = cli.run(concat(new String[] {"devices", "rename", laptopId.substring(0, 8),
                    "Old laptop"}, onDesktop));
            assertThat(rename.exitCode()).as(rename.err()).isZero();
            assertThat(rename.out()).contains("Renamed device " + laptopId + " to \"Old laptop\"");
            assertThat(cli.run(concat(new String[] {"devices", "rename", sameName, "Desk"}, onDesktop)).exitCode())
                    .as("only one device is still called that").isZero();

            CliRun.Result self = cli.run(concat(new String[] {"devices", "revoke", "desk"}, onDesktop));
            assertThat(self.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(self.err()).contains("is this device").contains("Revoke it from another device");

            CliRun.Result revoke = cli.run(concat(new String[] {"devices", "revoke", "Old laptop"}, onDesktop));
            assertThat(revoke.exitCode()).as(revoke.err()).isZero();
            assertThat(revoke.out()).contains("Revoked device " + laptopId + " (Old laptop)");
            assertThat(cli.run(concat(new String[] {"devices", "list"}, onDesktop)).out().lines()
                    .filter(l -> l.startsWith(laptopId))).singleElement()
                    .satisfies(l -> assertThat(l).contains("Old laptop").contains("REVOKED"));

            CliRun.Result status = cli.run(concat(new String[] {"account", "status", "--json"}, onDesktop));
            assertThat(status.exitCode()).as(status.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(status.out());
            assertThat(json.get("linked").asBoolean()).isTrue();
            assertThat(json.get("server").asText()).isEqualTo(url);
            assertThat(json.get("email").asText()).isEqualTo("names@example.org");
            assertThat(json.get("deviceName").asText()).isEqualTo("Desk");
            assertThat(json.get("pending").asInt()).isZero();
            assertThat(json.get("lastSync").isNull()).as("the first sync pulled the host").isFalse();
            assertThat(cli.run(concat(new String[] {"account", "status"}, onDesktop)).out())
                    .contains("Device:    Desk").contains("Email:     names@example.org");
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void accountLogin_wrongPassword_exitsWithTheWrongPasswordCodeOnANewDeviceAndOnALinkedOne() {
        Path laptop = temp.resolve("laptop");
        CreatedVault created = Vault.createLocal(laptop, PASSWORD.toCharArray());
        created.vault().close();
        try (SyncServer server = SyncServer.start(ServerConfig.of(Map.of("server.roles", "all",
                "server.data", temp.resolve("server").toString(), "server.port", "0")))) {
            CliRun cli = new CliRun(temp.resolve("default"));
            cli.environment.put("TV_PW", PASSWORD);
            cli.environment.put("WRONG_PW", "not the master password");
            cli.environment.put("TV_SK", created.secretKey());
            String url = server.baseUri().toString();
            assertThat(cli.run("account", "signup", "--vault", laptop.toString(), "--password-env", "TV_PW",
                    "--server", url, "--fingerprint", server.fingerprint(), "--email", "wrong@example.org").exitCode())
                    .isZero();

            Path desktop = temp.resolve("desktop");
            CliRun.Result onNewDevice = cli.run("account", "login", "--vault", desktop.toString(), "--password-env",
                    "WRONG_PW", "--secret-key-env", "TV_SK", "--server", url, "--fingerprint", server.fingerprint(),
                    "--email", "wrong@example.org");
            assertThat(onNewDevice.exitCode()).as(onNewDevice.err()).isEqualTo(ExitCodes.WRONG_PASSWORD);
            assertThat(onNewDevice.err()).contains("The email, password or Secret Key is wrong")
                    .contains("(exit code 2)");
            assertThat(Vault.exists(desktop)).isFalse();

            CliRun.Result onLinked = cli.run("account", "login", "--vault", laptop.toString(), "--password-env",
                    "WRONG_PW", "--server", url, "--fingerprint", server.fingerprint(), "--email", "wrong@example.org");
            assertThat(onLinked.exitCode()).as(onLinked.err()).isEqualTo(ExitCodes.WRONG_PASSWORD);
        }
    }

    @Test
    void accountSignup_aSecondAccountOnANewServer_needsTheOperatorsInvite_givenWithCode() {
        CreatedVault first = laptopWithAHost(temp.resolve("first"));
        CreatedVault second = laptopWithAHost(temp.resolve("second"));
        try (SyncServer server = server()) {
            CliRun cli = cli(first);
            String url = server.baseUri().toString();
            CliRun.Result admin = cli.run("account", "signup", "--vault", temp.resolve("first").toString(),
                    "--password-env", "TV_PW", "--server", url, "--fingerprint", server.fingerprint(),
                    "--email", "admin@example.org");
            assertThat(admin.exitCode()).as("the first account on a new server needs no code: %s", admin.err())
                    .isZero();

            String[] signup = {"account", "signup", "--vault", temp.resolve("second").toString(), "--password-env",
                "TV_PW", "--server", url, "--fingerprint", server.fingerprint(), "--email", "ada@example.org"};
            CliRun.Result withoutCode = cli.run(signup);
            assertThat(withoutCode.exitCode()).as(withoutCode.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(withoutCode.err()).contains("invite");

            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(dev.termvault.sync.server.ServerMain.run(new String[] {"invite", "--email", "ada@example.org",
                "--data", temp.resolve("server").toString()}, print, print)).isZero();
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("^([0-9A-Z]{5}(?:-[0-9A-Z]{5}){3})$",
                    java.util.regex.Pattern.MULTILINE).matcher(out.toString(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(code.find()).as(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isTrue();

            CliRun.Result wrongCode = cli.run(java.util.stream.Stream.concat(java.util.Arrays.stream(signup),
                    java.util.stream.Stream.of("--code", "ABCDE-FGHJK-MNPQR-STVWX")).toArray(String[]::new));
            assertThat(wrongCode.exitCode()).as(wrongCode.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(wrongCode.err()).contains("wrong, used or expired");
            CliRun.Result invited = cli.run(java.util.stream.Stream.concat(java.util.Arrays.stream(signup),
                    java.util.stream.Stream.of("--code", code.group(1))).toArray(String[]::new));
            assertThat(invited.exitCode()).as(invited.err()).isZero();
            assertThat(invited.out()).contains("Signed up as ada@example.org");
        }
    }

}
