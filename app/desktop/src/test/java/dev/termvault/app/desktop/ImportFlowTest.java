package dev.termvault.app.desktop;

import static dev.termvault.app.desktop.GuiTests.hostLabels;
import static dev.termvault.app.desktop.GuiTests.visible;
import static dev.termvault.app.desktop.GuiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.app.ssh.testing.SshKeygen;
import dev.termvault.app.ssh.testing.SystemTools;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The import wizard through the real window, headless on Monocle: an ssh_config with an Include, wildcard blocks
 * and a jump host, and an encrypted key whose passphrase is typed into the wizard; then search narrows the host
 * list letter by letter; then Settings. Writes import-*.png (the wizard and Settings) to target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class ImportFlowTest {

    private static final String PASSWORD = "correct horse Battery 9";
    private static final String KEY_PASSPHRASE = "key file passphrase";
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path temp;
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private AppShell shell;
    private Stage stage;
    private Path home;

    @Start
    void start(Stage stage) throws Exception {
        SystemTools.requireOpenSsh();
        this.stage = stage;
        home = temp.resolve("home");
        writeSshFolder(home);
        Path dir = temp.resolve("vault");
        Vault.createLocal(dir, PASSWORD.toCharArray()).vault().close();
        shell = new AppShell(dir, executor, GuiSettings.load(dir));
        shell.setImportHome(home);
        stage.setScene(shell.createScene());
        stage.setWidth(1100);
        stage.setHeight(700);
        stage.show();
    }

    private static void writeSshFolder(Path home) throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.createDirectories(ssh.resolve("conf.d"));
        SshKeygen.generate(ssh, "id_ed25519", "ed25519", 0, KEY_PASSPHRASE);
        Files.writeString(ssh.resolve("conf.d/db.conf"), """
                Host db-main
                    HostName 10.0.2.7
                    Port 5432
                """);
        Files.writeString(ssh.resolve("config"), """
                Include conf.d/*.conf
                Host jump
                    HostName 192.0.2.10
                    Port 2200
                Host web-prod
                    HostName 10.0.0.5
                    ProxyJump jump
                Host web-staging
                    HostName 10.0.1.5
                    ProxyJump jump
                Host mail
                    HostName 10.0.3.9
                    IdentityFile ~/.ssh/id_ed25519
                Host *.internal
                    User deploy
                Host *
                    ServerAliveInterval 60
                """);
    }

    @AfterEach
    void closeVault() throws TimeoutException {
        WaitForAsyncUtils.asyncFx(() -> {
            shell.close();
            Theme.LIGHT.apply();
        });
        WaitForAsyncUtils.waitForFxEvents();
        executor.close();
    }

    @Test
    void importSshConfigThroughTheWizard_thenSearchNarrowsAsYouType(FxRobot robot) throws Exception {
        robot.clickOn("#unlockPassword").write(PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#hostList"));
        assertThat(hostLabels(robot)).isEmpty();

        robot.clickOn("#importHosts");
        waitUntil(() -> visible(robot, "#importPreview"));
        assertThat(robot.lookup("#importConfigPath").queryTextInputControl().getText())
                .isEqualTo("~/.ssh/config");
        shot(robot, "import-choose");

        robot.clickOn("#importPreview");
        waitUntil(() -> visible(robot, "#importRun"));
        assertThat(rows(robot)).as("5 hosts, 2 wildcard notes, 1 key").hasSize(8);
        assertThat(robot.lookup("#importHeadline").queryLabeled().getText())
                .startsWith("6 to import, 0 already in the vault, 0 to skip.");
        shot(robot, "import-preview");

        robot.clickOn("#importRun");
        waitUntil(() -> visible(robot, "#importPassphrase"));
        assertThat(robot.lookup("#importRun").tryQuery()).isEmpty();
        shot(robot, "import-passphrase");
        robot.clickOn("#importPassphrase").write(KEY_PASSPHRASE).type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#importDone"));
        assertThat(robot.lookup("#importHeadline").queryLabeled().getText())
                .isEqualTo("Imported 5 host(s) and 1 key(s). Kept 0 already in the vault. Skipped 0.");
        shot(robot, "import-summary");
        robot.clickOn("#importDone");
        waitUntil(() -> robot.lookup("#importWizard").tryQuery().isEmpty());

        assertThat(hostLabels(robot)).containsExactly("db-main", "jump", "mail", "web-prod", "web-staging");

        // "w" and the rest of "web-st" occur in no other field of these hosts (notes, auth, ids, addresses).
        robot.clickOn("#hostSearch");
        int[] expected = {2, 2, 2, 2, 1, 1};
        String query = "web-st";
        for (int i = 0; i < query.length(); i++) {
            robot.write(query.charAt(i));
            assertThat(hostLabels(robot)).as("after typing \"%s\"", query.substring(0, i + 1)).hasSize(expected[i]);
        }
        assertThat(hostLabels(robot)).containsExactly("web-staging");
        robot.eraseText(2);
        assertThat(hostLabels(robot)).containsExactly("web-prod", "web-staging");
        robot.eraseText(4);
        assertThat(hostLabels(robot)).hasSize(5);

        robot.clickOn("#section-settings");
        waitUntil(() -> visible(robot, "#autoLockMinutes"));
        shot(robot, "import-settings");
        robot.clickOn("#darkTheme");
        shot(robot, "import-settings-dark");

        robot.clickOn("#section-hosts");
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#importPreview"));
        robot.clickOn("#importPreview");
        waitUntil(() -> visible(robot, "#importRows"));
        assertThat(robot.lookup("#importHeadline").queryLabeled().getText())
                .as("the second time every host and the key are already there")
                .startsWith("0 to import, 6 already in the vault, 0 to skip.");
        assertThat(robot.lookup("#importRun").queryButton().isDisabled()).isTrue();
        shot(robot, "import-preview-dark");
        robot.clickOn("#importClose");
        waitUntil(() -> robot.lookup("#importWizard").tryQuery().isEmpty());
    }

    private static List<?> rows(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#importRows").query();
        return List.copyOf(table.getItems());
    }

    private void shot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.write(stage.getScene().getRoot(), SHOTS.resolve(name + ".png")));
    }
}
