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
        assertThat(dry.out()).contains("Would create 3 host record(s)", "web  deploy@web.example.com:22  via bastion",
                "bastion  10.1.1.1:2222", "extra  extra.example.org:22", "compression");
        JsonNode plan = JSON.readTree(dryJson.out());
        assertThat(plan.get("dryRun").asBoolean()).isTrue();
        assertThat(plan.get("hosts")).extracting(h -> h.get("label").asText())
                .containsExactly("extra", "bastion", "web");
        assertThat(plan.get("hosts").get(2).get("keepAliveSeconds").asInt()).isEqualTo(30);
        assertThat(temp.resolve("default-vault")).doesNotExist();

        initialised();
        CliRun.Result real = cli.run("import", "ssh-config", config.toString(), "--passphrase-env", "KEY_PW",
                "--vault", vault(), "--password-env", "TV_PW");
        assertThat(real.exitCode()).as(real.err()).isZero();
        CliRun.Result again = cli.run("import", "ssh-config", config.toString(), "--passphrase-env", "KEY_PW",
                "--vault", vault(), "--password-env", "TV_PW");
        assertThat(again.out()).contains("already in the vault");

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
}
