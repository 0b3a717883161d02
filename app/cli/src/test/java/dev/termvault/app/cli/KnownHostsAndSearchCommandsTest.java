package dev.termvault.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.termvault.app.ssh.keys.SystemTools;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.KnownHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code known-hosts list/rm} and {@code search}, in-process against a real vault folder. */
class KnownHostsAndSearchCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path temp;
    private CliRun cli;
    private String[] key;

    @BeforeEach
    void createVault() throws Exception {
        SystemTools.requireTool("ssh-keygen");
        Path file = temp.resolve("host_ed25519");
        SystemTools.runOk("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", file.toString());
        key = Files.readString(Path.of(file + ".pub")).strip().split(" ");
        cli = new CliRun(temp.resolve("default-vault"));
        cli.environment.put("TV_PW", PASSWORD);
        assertThat(cli.run("init", "--vault", vault(), "--password-env", "TV_PW").exitCode()).isZero();
        try (Vault v = Vault.open(temp.resolve("vault"))) {
            v.unlock(PASSWORD.toCharArray());
            Instant added = Instant.parse("2026-03-04T05:06:00Z");
            v.add(new KnownHost("git.example.com", 22, key[0], key[1], added, false));
            v.add(new KnownHost("git.example.com", 2222, key[0], key[1], added, false));
            v.add(new KnownHost("old.example.com", 22, "ssh-rsa", "AAAAnot-a-key", null, true));
            v.add(Host.of("git-box", "git.example.com", 22, "git"));
            v.add(new Credential("git login", "git", "git-hunter2"));
        }
    }

    private String vault() {
        return temp.resolve("vault").toString();
    }

    private CliRun.Result run(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--vault", vault(), "--password-env", "TV_PW"}, 0, all, args.length, 4);
        return cli.run(all);
    }

    private String fingerprint() {
        Path file = temp.resolve("host_ed25519.pub");
        return SystemTools.runOk("ssh-keygen", "-l", "-E", "sha256", "-f", file.toString()).strip().split(" ")[1];
    }

    @Test
    void knownHostsList_tableAndJson_withFingerprintsAndDates() throws Exception {
        CliRun.Result table = run("known-hosts", "list");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("HOST").contains("[git.example.com]:2222").contains(fingerprint())
                .contains("2026-03-04").contains("revoked");

        JsonNode rows = JSON.readTree(run("known-hosts", "list", "--json").out());
        assertThat(rows).hasSize(3);
        JsonNode git = rows.get(0);
        assertThat(git.get("hostPattern").asText()).isEqualTo("git.example.com");
        assertThat(git.get("keyType").asText()).isEqualTo("ssh-ed25519");
        assertThat(git.get("fingerprint").asText()).isEqualTo(fingerprint());
        assertThat(git.get("added").asText()).isEqualTo("2026-03-04T05:06:00Z");
        assertThat(git.get("revoked").asBoolean()).isFalse();
        assertThat(git.get("id").asText()).isNotBlank();
    }

    @Test
    void knownHostsRm_byNameThenWithAType_removesOnlyThoseAndSaysSo() throws Exception {
        CliRun.Result wrongType = run("known-hosts", "rm", "git.example.com", "--type", "ssh-rsa");
        assertThat(wrongType.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(wrongType.err()).contains("No accepted host key is for git.example.com with key type ssh-rsa");

        CliRun.Result rm = run("known-hosts", "rm", "git.example.com", "--type", "ED25519");
        assertThat(rm.exitCode()).as(rm.err()).isZero();
        assertThat(rm.out()).contains("Removed the ED25519 key of git.example.com (" + fingerprint() + ")")
                .contains("asks whether to trust it");
        JsonNode rows = JSON.readTree(run("known-hosts", "list", "--json").out());
        assertThat(rows).extracting(r -> r.get("hostPattern").asText() + ":" + r.get("port").asInt())
                .containsExactlyInAnyOrder("git.example.com:2222", "old.example.com:22");
        assertThat(run("known-hosts", "rm", "[git.example.com]:2222").exitCode()).isZero();
        assertThat(run("known-hosts", "rm", "nowhere.example.com").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void search_acrossRecords_typedRowsAsTableAndJson_neverMatchingAPassword() throws Exception {
        CliRun.Result table = run("search", "git");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("TYPE").contains("host").contains("git-box")
                .contains("git@git.example.com:22").contains("credential").contains("git login")
                .doesNotContain("hunter2");

        JsonNode rows = JSON.readTree(run("search", "git", "login", "--json").out());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("type").asText()).isEqualTo("CREDENTIAL");
        assertThat(rows.get(0).get("name").asText()).isEqualTo("git login");
        assertThat(rows.get(0).get("detail").asText()).isEqualTo("git");
        assertThat(rows.get(0).get("id").asText()).isNotBlank();
        assertThat(JSON.readTree(run("search", "hunter2", "--json").out())).isEmpty();
    }
}
