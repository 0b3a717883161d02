package dev.termvault.app.desktop;

import static dev.termvault.app.desktop.GuiTests.visible;
import static dev.termvault.app.desktop.GuiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.app.core.keys.KeyRow;
import dev.termvault.app.ssh.keys.Fingerprints;
import dev.termvault.app.ssh.keys.KeyAlgorithm;
import dev.termvault.app.ssh.keys.KeyGeneration;
import dev.termvault.app.ssh.keys.KeyMaterial;
import dev.termvault.app.ssh.keys.OpenSshKeyWriter;
import dev.termvault.app.ssh.keys.PublicKeyLine;
import dev.termvault.app.ssh.keys.SystemTools;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Group;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.KnownHost;
import dev.termvault.vault.model.PortForward;
import dev.termvault.vault.model.Snippet;
import dev.termvault.vault.model.SshKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The record screens through the real window, headless on Monocle, over a vault made on disk beforehand:
 * generate a key, log a host in with it through the editor, copy its public key; import a key file with a
 * wrong then the right passphrase; and a screenshot of each screen (target/screenshots).
 */
@ExtendWith(ApplicationExtension.class)
class RecordScreensFlowTest {

    private static final String PASSWORD = "correct horse Battery 9";
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path temp;
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private AppShell shell;
    private Stage stage;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = temp.resolve("vault");
        try (Vault vault = Vault.createLocal(dir, PASSWORD.toCharArray()).vault()) {
            fill(vault);
        }
        shell = new AppShell(dir, executor, GuiSettings.load(dir));
        stage.setScene(shell.createScene());
        stage.show();
    }

    /** Records of every kind, so each screen has something to show. */
    private static void fill(Vault vault) throws Exception {
        String prod = vault.add(new Group("Production", null)).id();
        String lab = vault.add(new Group("Home lab", null)).id();
        vault.add(host("web-prod", "web.example.com", 2222, "deploy", prod, List.of("web", "eu")));
        vault.add(host("api-prod", "api.example.com", 22, "deploy", prod, List.of("web")));
        vault.add(host("nas", "nas.lan", 22, "admin", lab, List.of("storage")));
        vault.add(host("scratch", "203.0.113.9", 22, null, null, List.of()));
        vault.add(new Credential("router admin", "admin", "Tr0ub4dor&3"));
        vault.add(new Credential("nas web login", "root", "correct-staple"));
        vault.add(new Snippet("tail syslog", "cd /var/log\nsudo tail -f syslog", List.of("logs")));
        vault.add(new Snippet("disk usage", "df -h && du -sh /var/* | sort -h", List.of("disk", "ops")));
        Instant seen = Instant.parse("2026-11-20T09:30:00Z");
        String[] web = hostKey(KeyAlgorithm.ED25519);
        vault.add(new KnownHost("web.example.com", 2222, web[0], web[1], seen, false));
        String[] hashed = hostKey(KeyAlgorithm.ECDSA);
        vault.add(new KnownHost("|1|F1E1KeoE/eEWhi10WpGv4OdiO6Y=|3988QV0VE8wmZL7suNrYQLITLCg=", 22, hashed[0],
                hashed[1], seen, false));
        String[] github = hostKey(KeyAlgorithm.ED25519);
        vault.add(new KnownHost("github.com", 22, github[0], github[1], Instant.parse("2026-10-02T17:05:00Z"),
                false));
    }

    /** A fresh host key as known_hosts holds it: type and base64. */
    private static String[] hostKey(KeyAlgorithm algorithm) throws Exception {
        KeyMaterial key = KeyGeneration.generate(algorithm, 0, "");
        return OpenSshKeyWriter.authorizedKeysLine(key.publicKey(), "").strip().split(" ");
    }

    private static Host host(String label, String hostname, int port, String user, String group, List<String> tags) {
        return new Host(label, hostname, port, user, AuthMethod.AUTO, null, null, List.of(),
                List.of(new PortForward(PortForward.Kind.LOCAL, null, 8080, "localhost", 80)), tags, group, null, 0,
                null, false, List.of());
    }

    @AfterEach
    void closeVault() {
        WaitForAsyncUtils.asyncFx(() -> {
            shell.close();
            Theme.LIGHT.apply();
        });
        WaitForAsyncUtils.waitForFxEvents();
        executor.close();
    }

    private void unlock(FxRobot robot) throws TimeoutException {
        robot.clickOn("#unlockPassword").write(PASSWORD);
        robot.clickOn("#unlock");
        waitUntil(() -> visible(robot, "#hostList"));
    }

    @Test
    void generateAKey_logAHostInWithIt_andCopyItsPublicKey(FxRobot robot) throws Exception {
        unlock(robot);

        robot.clickOn("#section-keys");
        robot.clickOn("#generateKey");
        robot.clickOn("#keyName").write("laptop 2026");
        robot.clickOn("#generate");
        TableView<KeyRow> table = robot.lookup("#keyTable").query();
        waitUntil(() -> table.getItems().size() == 1);
        KeyRow made = table.getItems().get(0);
        assertThat(made.name()).isEqualTo("laptop 2026");
        assertThat(made.typeLabel()).as("Ed25519 is the default").isEqualTo("ED25519");

        robot.clickOn("#section-hosts").clickOn("web-prod");
        pick(robot, "#hostAuth", "SSH key");
        assertThat(robot.lookup("#saveHost").queryButton().isDisabled()).as("KEY without a key chosen").isTrue();
        pick(robot, "#hostKey", "laptop 2026");
        robot.clickOn("#hostForwards").write("\n-D 1080");
        // The tags field lies below the fold of the editor: focusing it scrolls the form to show it.
        robot.interact(() -> robot.lookup("#hostTags").query().requestFocus());
        robot.clickOn("#hostTags").write(", ssh");
        robot.clickOn("#saveHost");
        assertThat(robot.lookup("#hostStatus").queryLabeled().getText()).isEqualTo("Saved.");
        assertThat(robot.lookup("#hostKey").queryComboBox().getValue()).as("still shown after saving")
                .hasToString("laptop 2026");
        assertThat(robot.lookup("#saveHost").queryButton().isDisabled()).isFalse();

        robot.clickOn("#section-keys");
        robot.clickOn("laptop 2026");
        robot.clickOn("#copyPublicKey");
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).isEqualTo(made.publicKey()).startsWith("ssh-ed25519 AAAA");
        assertThat(Fingerprints.sha256(PublicKeyLine.parse(copied).key())).isEqualTo(made.fingerprint());

        robot.interact(shell::close);
        try (Vault vault = Vault.open(dir)) {
            vault.unlock(PASSWORD.toCharArray());
            Host host = vault.list(ItemType.HOST).stream().map(r -> (Host) r.item())
                    .filter(h -> h.label().equals("web-prod")).findFirst().orElseThrow();
            VaultRecord key = vault.list(ItemType.SSH_KEY).get(0);
            assertThat(host.auth()).isEqualTo(AuthMethod.KEY);
            assertThat(host.keyId()).isEqualTo(key.id());
            assertThat(host.tags()).containsExactly("web", "eu", "ssh");
            assertThat(host.forwards()).hasSize(2);
            assertThat(((SshKey) key.item()).publicKey()).isEqualTo(copied);
        }
    }

    @Test
    void importAKeyFile_wrongPassphraseShowsTheError_thenTheRightOneImports(FxRobot robot) throws Exception {
        SystemTools.requireTool("ssh-keygen");
        Path file = temp.resolve("id_ecdsa");
        SystemTools.runOk("ssh-keygen", "-q", "-t", "ecdsa", "-a", "4", "-N", "s3same", "-C", "ci@build", "-f",
                file.toString());
        unlock(robot);
        robot.clickOn("#section-keys").clickOn("#importKey");
        javafx.scene.control.TextField path = robot.lookup("#importFile").query();
        robot.interact(() -> path.setText(file.toString()));
        robot.clickOn("#importConfirm");
        waitUntil(() -> visible(robot, "#importPassphrase"));

        robot.clickOn("#importPassphrase").write("sesame");
        robot.clickOn("#importConfirm");
        waitUntil(() -> robot.lookup("#importError").queryLabeled().getText().startsWith("Wrong passphrase"));
        shot(robot, "keys-import-wrong-passphrase");
        TableView<KeyRow> table = robot.lookup("#keyTable").query();
        assertThat(table.getItems()).isEmpty();

        robot.clickOn("#importPassphrase").write("s3same");
        robot.clickOn("#importConfirm");
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).comment()).isEqualTo("ci@build");
        assertThat(table.getItems().get(0).fingerprint()).isEqualTo(SystemTools.runOk("ssh-keygen", "-l", "-E",
                "sha256", "-f", file + ".pub").split(" ")[1]);
        assertThat(robot.lookup("#importFile").tryQuery()).as("the sheet closed").isEmpty();

        robot.clickOn("#section-known-hosts");
        TableView<?> known = robot.lookup("#knownHostTable").query();
        robot.clickOn("github.com").clickOn("#deleteKnownHost");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        assertThat(robot.lookup("#confirmDeleteKnownHost").tryQuery()).as("Escape cancels").isEmpty();
        assertThat(known.getItems()).hasSize(3);
        robot.clickOn("#deleteKnownHost").clickOn("#confirmDeleteKnownHost");
        assertThat(known.getItems()).hasSize(2);

        robot.clickOn("#section-hosts");
        ListView<?> hosts = robot.lookup("#hostList").query();
        pick(robot, "#hostFilter", "#web  (2)");
        assertThat(hosts.getItems()).hasSize(2);
    }

    /**
     * Each record screen in the light and the dark theme; runs only with {@code -Dtermvault.screenshots=FOLDER}
     * (as the other flow tests; {@code true} means target/screenshots). The pictures in docs/images come from here.
     */
    @Test
    void screenshotsOfEachScreen_lightAndDark(FxRobot robot) throws Exception {
        String folder = System.getProperty("termvault.screenshots", "");
        Assumptions.assumeTrue(!folder.isBlank() && !"false".equals(folder),
                "Skipped: screenshots are written only with -Dtermvault.screenshots=FOLDER");
        unlock(robot);
        robot.clickOn("#section-keys").clickOn("#generateKey");
        robot.clickOn("#keyName").write("laptop");
        robot.clickOn("#generate");
        TableView<KeyRow> table = robot.lookup("#keyTable").query();
        waitUntil(() -> table.getItems().size() == 1);
        robot.clickOn("#section-hosts").clickOn("web-prod");
        pick(robot, "#hostAuth", "SSH key");
        pick(robot, "#hostKey", "laptop");
        pick(robot, "#hostJumpChoice", "nas");
        robot.interact(() -> {
            robot.lookup("#hostNotes").queryTextInputControl().setText("Deploys run from CI.\nOn call: web team.");
            robot.lookup("#hostForwards").queryTextInputControl().setText("-L 8080:localhost:80\n-D 1080");
        });
        robot.clickOn("#saveHost");
        for (String theme : List.of("", "-dark")) {
            if (!theme.isEmpty()) {
                robot.clickOn("#section-settings").clickOn("#darkTheme");
            }
            robot.clickOn("#section-hosts").clickOn("web-prod");
            shot(robot, "hosts-editor" + theme);
            javafx.scene.control.ScrollPane scroll = robot.lookup("#hostEditorScroll").query();
            robot.interact(() -> scroll.setVvalue(1));
            shot(robot, "hosts-editor-more" + theme);
            robot.interact(() -> scroll.setVvalue(0));
            pick(robot, "#hostFilter", "Production  (2)");
            shot(robot, "hosts-grouped" + theme);
            pick(robot, "#hostFilter", "All hosts  (4)");
            robot.clickOn("#section-keys").clickOn("laptop");
            shot(robot, "keys" + theme);
            robot.clickOn("#generateKey");
            pick(robot, "#keyAlgorithm", "RSA");
            robot.clickOn("#keyName").write("build server");
            shot(robot, "keys-generate" + theme);
            robot.type(javafx.scene.input.KeyCode.ESCAPE);
            robot.clickOn("#section-credentials").clickOn("router admin");
            shot(robot, "credentials" + theme);
            robot.clickOn("#revealPassword");
            shot(robot, "credentials-revealed" + theme);
            robot.clickOn("#revealPassword");
            robot.clickOn("#section-snippets").clickOn("tail syslog");
            shot(robot, "snippets" + theme);
            robot.clickOn("#section-known-hosts");
            shot(robot, "known-hosts" + theme);
            robot.clickOn("github.com").clickOn("#deleteKnownHost");
            shot(robot, "known-hosts-delete" + theme);
            robot.type(javafx.scene.input.KeyCode.ESCAPE);
        }
    }

    /** Opens a combo box and clicks the entry with exactly this text in its popup. */
    private static void pick(FxRobot robot, String combo, String text) {
        robot.clickOn(combo);
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = robot.lookup(".combo-box-popup .list-cell")
                .match((Labeled l) -> text.equals(l.getText())).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        String folder = System.getProperty("termvault.screenshots", "true");
        Path into = "true".equals(folder) ? SHOTS : Path.of(folder);
        robot.interact(() -> Screenshots.write(stage.getScene().getRoot(), into.resolve(name + ".png")));
    }
}
