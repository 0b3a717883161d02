package dev.termvault.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.termvault.app.ssh.keys.SystemTools;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keys list|rm|rename|export} in-process against a real vault folder, checked with ssh-keygen. */
class KeysCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path temp;
    InitialisedVault vault;
    CliRun cli;

    @BeforeEach
    void init() {
        vault = InitialisedVault.create(temp);
        cli = vault.cli;
    }

    private CliRun.Result run(String... args) {
        return vault.run(args);
    }

    private String generate(String name) throws Exception {
        CliRun.Result made = run("keys", "generate", "--type", "ed25519", "--name", name);
        assertThat(made.exitCode()).as(made.err()).isZero();
        return JSON.readTree(run("keys", "list", "--json").out()).findValues("id").stream()
                .filter(id -> made.out().contains(id.asText())).findFirst().orElseThrow().asText();
    }

    /** Writes hosts straight into the vault, as the host commands would. */
    private void hostsUsing(String keyId, String... labels) {
        vault.change(v -> {
            for (String label : labels) {
                v.add(new Host(label, label + ".example.com", 22, "deploy", AuthMethod.KEY, keyId, null,
                        List.of(), List.of(), List.of(), null, null, 0, Map.of(), false, List.of()));
            }
        });
    }

    @Test
    void keysList_showsTypeFingerprintAndHostCount_asATableAndAsJson() throws Exception {
        SystemTools.requireTool("ssh-keygen");
        String laptop = generate("laptop");
        generate("spare");
        hostsUsing(laptop, "web-1", "web-2");

        CliRun.Result table = run("keys", "list");
        JsonNode rows = JSON.readTree(run("keys", "list", "--json").out());

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).startsWith("NAME").contains("FINGERPRINT").contains("laptop").contains("ED25519");
        JsonNode row = rows.get(0).get("name").asText().equals("laptop") ? rows.get(0) : rows.get(1);
        assertThat(row.get("usedBy").asInt()).isEqualTo(2);
        assertThat(row.get("bits").asInt()).isEqualTo(256);
        assertThat(row.has("privateKey")).isFalse();
        Path pub = temp.resolve("laptop.pub");
        Files.writeString(pub, row.get("publicKey").asText() + "\n");
        assertThat(row.get("fingerprint").asText())
                .isEqualTo(SystemTools.runOk("ssh-keygen", "-l", "-E", "sha256", "-f", pub.toString()).split(" ")[1]);
        assertThat(run("keys", "list", "--json").out()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void keysRm_aKeyInUse_namesTheHostsAndRefuses_unlessForced() throws Exception {
        String deploy = generate("deploy");
        hostsUsing(deploy, "web-1", "db");

        CliRun.Result refused = run("keys", "rm", "deploy");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("web-1", "db", "--force");
        assertThat(run("keys", "list").out()).contains("deploy");

        CliRun.Result forced = run("keys", "rm", "deploy", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("Deleted key deploy", "Unlinked from: ").contains("web-1", "db");
        assertThat(run("keys", "list").out()).doesNotContain("deploy");
        assertThat(run("keys", "rm", "deploy").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void keysRename_keepsTheKey_refusesATakenName() throws Exception {
        String id = generate("old");
        generate("other");

        assertThat(run("keys", "rename", "old", "new").exitCode()).isZero();
        assertThat(run("keys", "rename", "new", "other").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        JsonNode renamed = JSON.readTree(run("keys", "list", "--json").out());
        assertThat(renamed.findValuesAsText("name")).containsExactlyInAnyOrder("new", "other");
        assertThat(renamed.findValuesAsText("id")).contains(id);
    }

    @Test
    void keysExportPrivate_refusedWithoutConfirmation_thenWrittenAndReadBySshKeygen() throws Exception {
        SystemTools.requireTool("ssh-keygen");
        generate("laptop");
        Path file = temp.resolve("exported_key");

        CliRun.Result refused = run("keys", "export", "laptop", "--private", "--out", file.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("confirmation");
        assertThat(file).doesNotExist();
        assertThat(cli.prompts).as("no passphrase asked before the confirmation").isEmpty();
        cli.typing("first try", "second try");
        CliRun.Result mismatch = run("keys", "export", "laptop", "--private", "--out", file.toString(),
                "--yes-i-understand");
        assertThat(mismatch.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(file).doesNotExist();

        cli.typing("export pass", "export pass");
        CliRun.Result written = run("keys", "export", "laptop", "--private", "--out", file.toString(),
                "--yes-i-understand");

        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String publicLine = run("keys", "export", "laptop").out().strip();
        String derived = SystemTools.runOk("ssh-keygen", "-y", "-f", file.toString(), "-P", "export pass");
        assertThat(derived).startsWith(publicLine.substring(0, publicLine.lastIndexOf(' ')));
        assertThat(run("keys", "export", "laptop", "--private", "--out", file.toString(), "--yes-i-understand")
                .exitCode()).as("an existing file is not replaced").isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run("keys", "export", "laptop", "--private").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("keys", "export-public", "laptop").out().strip()).isEqualTo(publicLine);
    }
}
