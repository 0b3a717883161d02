package dev.termvault.app.desktop;

import static dev.termvault.app.desktop.GuiTests.hostLabels;
import static dev.termvault.app.desktop.GuiTests.visible;
import static dev.termvault.app.desktop.GuiTests.waitUntil;
import static dev.termvault.app.desktop.GuiTests.shown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
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
 * The whole first slice through the real window, headless on Monocle: create a vault, add hosts, search,
 * lock, fail and then succeed to unlock. Writes a screenshot of each screen to target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class GuiFlowTest {

    private static final String PASSWORD = "correct horse Battery 9";
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path temp;
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private AppShell shell;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Path dir = temp.resolve("vault");
        shell = new AppShell(dir, executor, GuiSettings.load(dir));
        stage.setScene(shell.createScene());
        stage.show();
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
    void createAddLockUnlock_hostsSurviveAndSearchNarrowsAsYouType(FxRobot robot) throws Exception {
        robot.clickOn("#newPassword").write(PASSWORD);
        robot.clickOn("#confirmPassword").write(PASSWORD);
        shot(robot, "first-run");
        robot.clickOn("#createVault");
        waitUntil(() -> visible(robot, "#emergencyKit"));
        assertThat(robot.lookup("#emergencyKit").queryTextInputControl().getText()).contains("Secret Key:   TV1-");
        shot(robot, "emergency-kit");
        robot.clickOn("#continue");
        waitUntil(() -> visible(robot, "#hostList"));

        addHost(robot, "web-prod", "web.example.com", "2222");
        addHost(robot, "db-staging", "db.staging.internal", "22");
        assertThat(hostLabels(robot)).containsExactly("db-staging", "web-prod");

        robot.clickOn("#hostSearch").write("w");
        assertThat(hostLabels(robot)).containsExactly("web-prod");
        robot.write("eb.example");
        assertThat(hostLabels(robot)).containsExactly("web-prod");
        robot.eraseText(11).write("internal");
        assertThat(hostLabels(robot)).containsExactly("db-staging");
        robot.eraseText(8);
        assertThat(hostLabels(robot)).hasSize(2);
        robot.clickOn("web-prod");
        shot(robot, "hosts");

        robot.clickOn("#newHost");
        robot.clickOn("#hostPort").eraseText(2).write("70000");
        assertThat(robot.lookup("#saveHost").queryButton().isDisabled()).isTrue();
        shot(robot, "host-editor-invalid");

        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> visible(robot, "#unlockPassword"));
        assertThat(robot.lookup("#hostList").tryQuery()).isEmpty();
        assertThat(shell.vaultUnlocked()).as("Ctrl+L locked the vault").isFalse();

        robot.clickOn("#unlockPassword").write("not the password").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup(".danger").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && shown(l) && l.getText().contains("not right")));
        shot(robot, "unlock-wrong-password");

        robot.clickOn("#unlockPassword").write(PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#hostList"));
        assertThat(shell.vaultUnlocked()).isTrue();
        assertThat(hostLabels(robot)).containsExactly("db-staging", "web-prod");

        robot.clickOn("#section-settings").clickOn("#darkTheme");
        robot.clickOn("#section-hosts").clickOn("db-staging");
        shot(robot, "hosts-dark");
    }

    private static void addHost(FxRobot robot, String label, String hostname, String port) {
        robot.clickOn("#newHost");
        robot.clickOn("#hostLabel").write(label);
        robot.clickOn("#hostHostname").write(hostname);
        TextField portField = robot.lookup("#hostPort").query();
        robot.interact(portField::selectAll);
        robot.clickOn(portField).eraseText(portField.getText().length()).write(port);
        robot.clickOn("#saveHost");
        assertThat(robot.lookup("#hostStatus").queryLabeled().getText()).isEqualTo("Saved.");
    }

    private void shot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.write(stage.getScene().getRoot(), SHOTS.resolve(name + ".png")));
    }
}
