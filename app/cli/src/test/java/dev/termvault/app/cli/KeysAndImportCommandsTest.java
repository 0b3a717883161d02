package dev.termvault.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.termvault.app.ssh.keys.SystemTools;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key and import commands, in-process, against real vault folders and files made by ssh-keygen. */
class KeysAndImportCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private CliRun cli() {
        CliRun run = new CliRun(temp.resolve("default-vault"));
        run.environment.put("TV_PW", "correct horse battery staple");
        run.environment.put("KEY_PW", "key passphrase");
        run.environment.put("HOME", temp.resolve("home").toString());
        return run;
    }

    private String vault() {
        return temp.resolve("vault").toString();
    }

    private CliRun initialised() {
        CliRun cli = cli();
        CliRun.Result init = cli.run("init", "--vault", vault(), "--password-env", "TV_PW",
                "--emergency-kit", temp.resolve("kit.txt").toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        return cli;
    }

    private Path sshKeygen(String name, String passphrase) {
        SystemTools.requireTool("ssh-keygen");
        Path file = temp.resolve(name);
        SystemTools.runOk("ssh-keygen", "-q", "-t", "ecdsa", "-a", "4", "-C", "cli test", "-N", passphrase,
                "-f", file.toString());
        return file;
    }

    @Test
    void keysInspect_noVault_printsWhatSshKeygenPrints() {
        Path file = sshKeygen("id_inspect", "key passphrase");
        CliRun cli = cli();

        CliRun.Result fromEnv = cli.run("keys", "inspect", file.toString(), "--passphrase-env", "KEY_PW");
        CliRun.Result typed = cli.typing("key passphrase").run("keys", "inspect", file.toString());
        CliRun.Result wrong = cli.typing("not it").run("keys", "inspect", file.toString());

        assertThat(fromEnv.exitCode()).as(fromEnv.err()).isZero();
        assertThat(fromEnv.out()).contains("type:    ecdsa-sha2-nistp256", "bits:    256", "comment: cli test")
                .contains(SystemTools.runOk("ssh-keygen", "-l", "-E", "sha256", "-f", file.toString()).strip())
                .contains(SystemTools.runOk("ssh-keygen", "-l", "-E", "md5", "-f", file.toString()).strip());
        assertThat(typed.out()).isEqualTo(fromEnv.out());
        assertThat(cli.prompts).anyMatch(p -> p.contains("Passphrase for " + file));
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(wrong.err()).contains("Wrong passphrase for " + file);
        assertThat(temp.resolve("default-vault")).doesNotExist();
    }

    @Test
    void keysGenerateImportExport_storeKeysAndPrintAuthorizedKeysLine() throws Exception {
        CliRun cli = initialised();
        Path file = sshKeygen("id_imported", "key passphrase");

        CliRun.Result generated = cli.run("keys", "generate", "--type", "ed25519", "--name", "laptop",
                "--vault", vault(), "--password-env", "TV_PW");
        CliRun.Result imported = cli.run("keys", "import", file.toString(), "--passphrase-env", "KEY_PW",
                "--vault", vault(), "--password-env", "TV_PW");
        CliRun.Result exported = cli.run("keys", "export-public", "id_imported", "--vault", vault(),
                "--password-env", "TV_PW");

        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(generated.out()).contains("Generated ssh-ed25519 key laptop").contains("ssh-ed25519 AAAA");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(exported.out().strip()).isEqualTo(Files.readString(Path.of(file + ".pub")).strip());
        assertThat(cli.run("keys", "generate", "--type", "ed25519", "--name", "laptop", "--vault", vault(),
                "--password-env", "TV_PW").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        CliRun.Result weak = cli.run("keys", "generate", "--type", "rsa", "--bits", "2048", "--name", "old",
                "--vault", vault(), "--password-env", "TV_PW");
        assertThat(weak.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(weak.err()).contains("3072");
    }

    private Path writeConfig() throws Exception {
        Path ssh = Files.createDirectories(temp.resolve("home/.ssh"));
        Path key = sshKeygen("id_cfg", "key passphrase");
        Files.writeString(ssh.resolve("extra.conf"), "Host extra\n  HostName extra.example.org\n");
        Path config = ssh.resolve("config");
        Files.writeString(config, """
                Include extra.conf
                Host web
                  HostName %%h.example.com
                  User deploy
                  IdentityFile %s
                  ProxyJump bastion
                  LocalForward 8080 localhost:80
                Host bastion
                  HostName 10.1.1.1
                  Port 2222
                Host *
                  ServerAliveInterval 30
                  Compression yes
                """.formatted(key));
        return config;
    }

    @Test
    void importSshConfig_dryRunNeedsNoVault_thenImportLinksJumpAndKey() throws Exception {
        Path config = writeConfig();
        CliRun cli = cli();

        CliRun.Result dry = cli.run("import", "ssh-config", config.toString(), "--dry-run");
        CliRun.Result dryJson = cli.run("import", "ssh-config", config.toString(), "--dry-run", "--json");

        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).containsPattern("(?m)^KIND +REFERENCE +ACTION +REASON +DETAILS$")
                .containsPattern("(?m)^HOST +web +ADD +NEW +deploy@web.example.com:22 via bastion, key id_cfg,"
                        + " 1 forward\\(s\\)$")
                .containsPattern("(?m)^HOST +bastion +ADD +NEW +10.1.1.1:2222$")
                .containsPattern("(?m)^HOST +extra +ADD +NEW +extra.example.org:22$")
                .containsPattern("(?m)^KEY +\\S+/id_cfg +ADD +NEEDS_PASSPHRASE ")
                .containsPattern("(?m)^CONFIG +compression \\(first at .+\\) +SKIP +UNSUPPORTED +unsupported keyword")
                .contains("Dry run: 4 to import, 0 already in the vault, 1 to skip. Nothing was written.");
        assertThat(dry.err()).contains("compares with an empty vault");
        JsonNode plan = JSON.readTree(dryJson.out());
        assertThat(plan.get("dryRun").asBoolean()).isTrue();
        assertThat(plan.get("rows")).filteredOn(r -> r.get("kind").asText().equals("HOST"))
                .extracting(r -> r.get("reference").asText()).containsExactly("extra", "bastion", "web");
        assertThat(plan.get("counts").get("byKind").get("HOST").get("ADD").asInt()).isEqualTo(3);
        assertThat(temp.resolve("default-vault")).doesNotExist();

        initialised();
        CliRun.Result real = cli.run("import", "ssh-config", config.toString(), "--passphrase-env", "KEY_PW",
                "--vault", vault(), "--password-env", "TV_PW");
        assertThat(real.exitCode()).as(real.err()).isZero();
        CliRun.Result again = cli.run("import", "ssh-config", config.toString(), "--passphrase-env", "KEY_PW",
                "--vault", vault(), "--password-env", "TV_PW");
        assertThat(real.out()).containsPattern("(?m)^HOST +web +ADD +NEW ")
                .contains("Imported 3 host(s) and 1 key(s). Kept 0 already in the vault. Skipped 1.");
        assertThat(again.out()).containsPattern("(?m)^HOST +web +KEEP +ALREADY_IN_VAULT +a host with this label is"
                + " already in the vault").contains("Imported 0 host(s) and 0 key(s). Kept 4 already in the vault.");

        JsonNode hosts = JSON.readTree(cli.run("hosts", "list", "--json", "--vault", vault(), "--password-env",
                "TV_PW").out());
        assertThat(hosts).hasSize(3);
        JsonNode web = null;
        String bastionId = null;
        for (JsonNode host : hosts) {
            if (host.get("label").asText().equals("web")) {
                web = host;
            } else if (host.get("label").asText().equals("bastion")) {
                bastionId = host.get("id").asText();
            }
        }
        assertThat(web).isNotNull();
        assertThat(web.get("jumpHosts").get(0).asText()).isEqualTo(bastionId);
        assertThat(web.get("keyId").asText()).isNotBlank();
        assertThat(web.get("auth").asText()).isEqualTo("AUTO");
        assertThat(web.get("keepAliveSeconds").asInt()).as("from the Host * block").isEqualTo(30);
    }

    @Test
    void importKnownHosts_importsOnceAndReportsSkippedLines() throws Exception {
        Path pub = sshKeygen("hostkey", "");
        String key = Files.readString(Path.of(pub + ".pub")).split(" ")[1];
        Path knownHosts = temp.resolve("known_hosts");
        Files.writeString(knownHosts, "a.example.com,[b.example.com]:2200 ecdsa-sha2-nistp256 " + key + "\n"
                + "@cert-authority *.example.com ecdsa-sha2-nistp256 " + key + "\n");
        CliRun cli = initialised();

        CliRun.Result first = cli.run("import", "known-hosts", knownHosts.toString(), "--vault", vault(),
                "--password-env", "TV_PW");
        CliRun.Result second = cli.run("import", "known-hosts", knownHosts.toString(), "--vault", vault(),
                "--password-env", "TV_PW");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Imported 2 known host key(s)").contains("@cert-authority");
        assertThat(second.out()).contains("Imported 0 known host key(s)", "2 already in the vault");
    }

    @Test
    void importKnownHosts_dryRunComparesWithTheVault_andJsonHasTheTypedRows() throws Exception {
        Path pub = sshKeygen("hostkey", "");
        String line = "a.example.com ecdsa-sha2-nistp256 " + Files.readString(Path.of(pub + ".pub")).split(" ")[1];
        Path knownHosts = temp.resolve("known_hosts");
        Files.writeString(knownHosts, line + "\n");
        CliRun cli = initialised();
        assertThat(cli.run("import", "known-hosts", knownHosts.toString(), "--vault", vault(), "--password-env",
                "TV_PW").exitCode()).isZero();
        Files.writeString(knownHosts, line + "\n" + line + "\nbad line here\n" + line.replace("a.example", "c.example")
                + "\n");

        CliRun.Result dry = cli.run("import", "known-hosts", knownHosts.toString(), "--dry-run", "--vault", vault(),
                "--password-env", "TV_PW");
        CliRun.Result dryJson = cli.run("import", "known-hosts", knownHosts.toString(), "--dry-run", "--json",
                "--vault", vault(), "--password-env", "TV_PW");
        CliRun.Result real = cli.run("import", "known-hosts", knownHosts.toString(), "--json", "--vault", vault(),
                "--password-env", "TV_PW");

        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).containsPattern("(?m)^KNOWN_HOST +c.example.com +ADD +NEW +ecdsa-sha2-nistp256$")
                .containsPattern("(?m)^KNOWN_HOST +a.example.com +KEEP +ALREADY_IN_VAULT +already in the vault$")
                .containsPattern("(?m)^KNOWN_HOST +a.example.com +SKIP +DUPLICATE +")
                .containsPattern("(?m)^KNOWN_HOST +known_hosts line 3 +SKIP +MALFORMED +bad line")
                .contains("Dry run: 1 to import, 1 already in the vault, 2 to skip. Nothing was written.");
        JsonNode plan = JSON.readTree(dryJson.out());
        assertThat(plan.get("dryRun").asBoolean()).isTrue();
        assertThat(plan.get("rows")).hasSize(4).allSatisfy(row -> assertThat(row.fieldNames()).toIterable()
                .containsExactly("kind", "reference", "action", "reason", "message"));
        assertThat(plan.get("rows").get(0).get("reference").asText()).isEqualTo("c.example.com");
        assertThat(plan.get("rows").get(0).get("action").asText()).isEqualTo("ADD");
        assertThat(plan.get("counts").get("byKind").get("KNOWN_HOST").get("SKIP").asInt()).isEqualTo(2);
        JsonNode outcome = JSON.readTree(real.out());
        assertThat(outcome.get("dryRun").asBoolean()).isFalse();
        assertThat(outcome.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(outcome.get("counts").get("byKind").get("KNOWN_HOST").get("ADD").asInt()).isEqualTo(1);
        assertThat(outcome.get("summary").asText()).startsWith("Imported 1 known host key(s).");
        assertThat(cli.run("import", "known-hosts", knownHosts.toString(), "--dry-run", "--vault", vault(),
                "--password-env", "TV_PW").out()).contains("Dry run: 0 to import, 2 already in the vault");
    }
}
