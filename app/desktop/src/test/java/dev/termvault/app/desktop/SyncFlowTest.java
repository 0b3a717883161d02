package dev.termvault.app.desktop;

import static dev.termvault.app.desktop.GuiTests.hostLabels;
import static dev.termvault.app.desktop.GuiTests.visible;
import static dev.termvault.app.desktop.GuiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import dev.termvault.app.desktop.sync.SyncStatusViewModel;
import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.client.SyncClient;
import dev.termvault.sync.client.SyncException;
import dev.termvault.sync.client.SyncStatus;
import dev.termvault.sync.protocol.keys.DeviceView;
import dev.termvault.sync.client.Synchronizer;
import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
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
 * Sync through the real window, headless on Monocle, against the real server on loopback: create an account,
 * go offline and keep editing, come back and see the edits reach the server and a second device; sign in on
 * a new device and see the hosts. With -Dtermvault.screenshots=FOLDER it also writes a PNG of each screen there
 * (docs/images holds the ones checked in).
 */
@ExtendWith(ApplicationExtension.class)
class SyncFlowTest {

    private static final String PASSWORD = "correct horse Battery 9";
    private static final Duration FAST_TIMEOUT = Duration.ofSeconds(5);

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
    void closeVault() {
        WaitForAsyncUtils.asyncFx(() -> {
            shell.close();
            Theme.LIGHT.apply();
        });
        WaitForAsyncUtils.waitForFxEvents();
        executor.close();
    }

    @Test
    void createAccount_goOffline_editsQueue_serverBack_theySyncToASecondDevice(FxRobot robot) throws Exception {
        try (LoopbackSyncServer server = new LoopbackSyncServer(temp.resolve("server"))) {
            shot(robot, "sync-first-run-choices");
            robot.clickOn("#chooseCreateAccount");
            waitUntil(() -> visible(robot, "#serverUrl"));
            setText(robot, "#serverUrl", server.url());
            robot.clickOn("#checkServer");
            waitUntil(() -> visible(robot, "#confirmFingerprint"));
            assertThat(text(robot, "#serverFingerprint")).isEqualToIgnoringCase(server.fingerprint());
            shot(robot, "sync-create-account-fingerprint");
            robot.clickOn("#confirmFingerprint");

            robot.clickOn("#accountEmail").write("gui@example.org");
            setText(robot, "#accountPassword", PASSWORD);
            setText(robot, "#accountConfirm", PASSWORD);
            shot(robot, "sync-create-account-details");
            robot.clickOn("#submitAccount");
            waitUntil(() -> visible(robot, "#accountEmergencyKit"));
            String kit = robot.lookup("#accountEmergencyKit").queryTextInputControl().getText();
            String secretKey = kit.lines().filter(l -> l.startsWith("Secret Key:")).findFirst().orElseThrow()
                    .substring("Secret Key:".length()).strip();
            robot.clickOn("#accountKitContinue");
            waitUntil(() -> visible(robot, "#hostList"));
            waitUntil(() -> text(robot, "#syncState").equals("Online"));

            addHost(robot, "web-prod", "web.example.com");
            Instant saved = Instant.now();
            // The status bar notices a local edit on its next tick (once a second): until then it still says
            // "All changes synced", so wait for a pass that ended after the save with nothing pending.
            waitUntil(() -> syncedWithNothingPendingSince(robot, saved)
                    && text(robot, "#syncPending").equals("All changes synced")
                    && text(robot, "#syncState").equals("Online"));
            robot.clickOn("web-prod");
            shot(robot, "sync-status-online");

            server.stop();
            addHost(robot, "offline-one", "one.example.com");
            waitUntil(() -> text(robot, "#syncState").equals("Offline"));
            waitUntil(() -> text(robot, "#syncPending").equals("1 change pending"));
            addHost(robot, "offline-two", "two.example.com");
            waitUntil(() -> text(robot, "#syncPending").equals("2 changes pending"));
            assertThat(visible(robot, "#syncErrorDetails")).isTrue();
            robot.clickOn("offline-two");
            shot(robot, "sync-status-offline");
            // The details are a copy of the status when the dialog opens: open it once the count has settled.
            waitUntil(() -> text(robot, "#syncPending").equals("2 changes pending")
                    && text(robot, "#syncState").equals("Offline"));
            robot.clickOn("#syncErrorDetails");
            waitUntil(() -> robot.lookup("#syncErrorText").tryQuery().isPresent());
            TextInputControl details = robot.lookup("#syncErrorText").queryTextInputControl();
            assertThat(details.getText()).contains("Changes waiting on this device: 2")
                    .contains("sent when the server is back");
            shotOf(robot, details.getScene().getRoot(), "sync-error-details");
            robot.interact(() -> details.getScene().getWindow().hide());

            server.start();
            robot.clickOn("#syncNow");
            waitUntil(() -> text(robot, "#syncPending").equals("All changes synced")
                    && text(robot, "#syncState").equals("Online"));

            // A second device sees what was edited offline.
            SyncClient client = SyncClient.builder(URI.create(server.url()), server.fingerprint())
                    .timeout(FAST_TIMEOUT).build();
            SyncClient.Joined joined = client.join(temp.resolve("second"), "gui@example.org",
                    PASSWORD.toCharArray(), secretKey);
            try (Vault second = joined.vault()) {
                new Synchronizer(second, joined.session()).syncOnce();
                assertThat(second.list()).extracting(r -> ((Host) r.item()).label())
                        .containsExactlyInAnyOrder("web-prod", "offline-one", "offline-two");
            } finally {
                client.shutdown();
            }

            robot.clickOn("#section-activity");
            waitUntil(() -> rows(robot, "#auditTable") >= 4 && rows(robot, "#syncHistoryTable") >= 2);
            shot(robot, "sync-activity");
            robot.clickOn("#section-account");
            waitUntil(() -> robot.lookup("#deviceList").tryQuery().map(n -> ((ListView<?>) n).getItems().size())
                    .orElse(0) == 2);
            shot(robot, "sync-account-devices");

            robot.interact(Theme.DARK::apply);
            robot.clickOn("#section-hosts");
            robot.clickOn("offline-two");
            shot(robot, "sync-status-online-dark");
            robot.clickOn("#section-activity");
            waitUntil(() -> rows(robot, "#auditTable") >= 4);
            shot(robot, "sync-activity-dark");
        }
    }

    @Test
    void signInOnANewDevice_bringsTheHosts_unlockOffline_thenRevoked(FxRobot robot) throws Exception {
        try (LoopbackSyncServer server = new LoopbackSyncServer(temp.resolve("server"))) {
            CreatedVault created = Vault.createLocal(temp.resolve("laptop"), PASSWORD.toCharArray());
            SyncClient client = SyncClient.builder(URI.create(server.url()), server.fingerprint())
                    .timeout(FAST_TIMEOUT).build();
            AccountSession laptopSession;
            try (Vault laptop = created.vault()) {
                laptop.add(Host.of("web", "web.example.org", 22, "deploy"));
                laptop.add(Host.of("db", "db.example.org", 5432, "ops"));
                laptop.add(Host.of("bastion", "bastion.example.org", 22, "ops"));
                laptopSession = client.signUp(laptop, "laptop@example.org", PASSWORD.toCharArray());
                new Synchronizer(laptop, laptopSession).syncOnce();
            }

            robot.clickOn("#chooseSignIn");
            setText(robot, "#serverUrl", server.url());
            robot.clickOn("#checkServer");
            waitUntil(() -> visible(robot, "#confirmFingerprint"));
            robot.clickOn("#confirmFingerprint");
            setText(robot, "#accountEmail", "laptop@example.org");
            setText(robot, "#accountPassword", PASSWORD);
            setText(robot, "#secretKey", created.secretKey());
            shot(robot, "sync-sign-in");
            robot.clickOn("#submitAccount");
            waitUntil(() -> visible(robot, "#hostList"));
            assertThat(hostLabels(robot)).containsExactly("bastion", "db", "web");
            waitUntil(() -> text(robot, "#syncState").equals("Online"));

            // Locked, then unlocked while the server is down: the vault opens and edits queue; the login (with the
            // password just typed) waits for the server and succeeds when it is back.
            server.stop();
            robot.clickOn("#lock");
            waitUntil(() -> visible(robot, "#unlockPassword"));
            setText(robot, "#unlockPassword", PASSWORD);
            robot.clickOn("#unlock");
            waitUntil(() -> visible(robot, "#hostList"));
            waitUntil(() -> text(robot, "#syncState").equals("Offline"));
            addHost(robot, "written-offline", "offline.example.org");
            waitUntil(() -> text(robot, "#syncPending").equals("1 change pending"));
            server.start();
            robot.clickOn("#syncNow");
            waitUntil(() -> text(robot, "#syncState").equals("Online")
                    && text(robot, "#syncPending").equals("All changes synced"));

            // Revoked from the other device: the next pass is refused and the error shows, the hosts stay.
            List<DeviceView> devices;
            try {
                devices = laptopSession.devices();
            } catch (SyncException.Offline staleConnectionFromBeforeTheRestart) {
                devices = laptopSession.devices();
            }
            String desktopId = devices.stream().filter(d -> !d.current()).findFirst().orElseThrow().id();
            laptopSession.revokeDevice(desktopId);
            client.shutdown();
            robot.clickOn("#syncNow");
            robot.clickOn("#section-hosts");
            robot.clickOn("web");
            waitUntil(() -> text(robot, "#syncState").equals("Sync failed"));
            shot(robot, "sync-status-error");
            assertThat(text(robot, "#syncError")).contains("was revoked");
            assertThat(hostLabels(robot)).containsExactly("bastion", "db", "web", "written-offline");
        }
    }

    private static void addHost(FxRobot robot, String label, String hostname) {
        robot.clickOn("#section-hosts");
        robot.clickOn("#newHost");
        robot.clickOn("#hostLabel").write(label);
        setText(robot, "#hostHostname", hostname);
        robot.clickOn("#saveHost");
        assertThat(robot.lookup("#hostStatus").queryLabeled().getText()).isEqualTo("Saved.");
    }

    private boolean syncedWithNothingPendingSince(FxRobot robot, Instant since) {
        AtomicReference<SyncStatus> status = new AtomicReference<>();
        robot.interact(() -> status.set(shell.syncStatus().map(SyncStatusViewModel::status).orElse(null)));
        SyncStatus now = status.get();
        return now != null && now.pending() == 0 && now.lastSync() != null && now.lastSync().isAfter(since);
    }

    private static void setText(FxRobot robot, String query, String value) {
        TextField field = robot.lookup(query).query();
        robot.interact(() -> field.setText(value));
    }

    private static String text(FxRobot robot, String query) {
        GuiTests.settle();
        return robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
    }

    private static int rows(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((TableView<?>) n).getItems().size()).orElse(0);
    }

    private void shot(FxRobot robot, String name) {
        shotOf(robot, stage.getScene().getRoot(), name);
    }

    private static void shotOf(FxRobot robot, Node node, String name) {
        String folder = System.getProperty("termvault.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.write(node, Path.of(folder).resolve(name + ".png")));
    }

}
