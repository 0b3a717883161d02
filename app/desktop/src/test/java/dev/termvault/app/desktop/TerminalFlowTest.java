package dev.termvault.app.desktop;

import static dev.termvault.app.desktop.GuiTests.visible;
import static dev.termvault.app.desktop.GuiTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import dev.termvault.app.desktop.terminal.TerminalSessionViewModel.Phase;
import dev.termvault.app.desktop.terminal.TerminalWidget;
import dev.termvault.app.desktop.terminal.TerminalTab;
import dev.termvault.app.ssh.FakeSshPrompt;
import dev.termvault.app.ssh.SshConnector;
import dev.termvault.app.ssh.SshPrompt;
import dev.termvault.app.ssh.SshSession;
import dev.termvault.app.ssh.VaultHostDirectory;
import dev.termvault.app.ssh.VaultKnownHostStore;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.KnownHost;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Terminal tabs through the real window, headless on Monocle, against a real OpenSSH sshd: connect, trust the
 * new host key in its dialog, see the prompt, type a command and read its answer from the terminal's buffer;
 * zoom and see the PTY told the new size; move between and close tabs; refuse a new key; meet a changed key.
 * With -Dtermvault.screenshots=FOLDER the terminal and both host-key dialogs are written there as PNGs.
 */
@ExtendWith(ApplicationExtension.class)
class TerminalFlowTest {

    private static final Pattern PROMPT = Pattern.compile("(?m)[#$]\\s*$");

    @TempDir
    static Path shared;
    static TerminalFixtures.Server server;

    @TempDir
    Path temp;
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private Stage stage;
    private AppShell shell;

    @BeforeAll
    static void startServer() {
        server = TerminalFixtures.Server.start(shared.resolve("server"));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1000, 640));
        stage.show();
    }

    @AfterEach
    void closeApp() throws TimeoutException {
        WaitForAsyncUtils.asyncFx(() -> {
            if (shell != null) {
                shell.close();
            }
            Theme.LIGHT.apply();
        });
        WaitForAsyncUtils.waitForFxEvents();
        executor.close();
    }

    @Test
    void connect_trustTheNewKey_typeAndPaste_zoom_andMoveBetweenTabs(FxRobot robot) throws Exception {
        Path vaultDir = temp.resolve("vault");
        vault(vaultDir, v -> TerminalFixtures.addHost(v, server, "web-test"));
        openAndUnlock(robot, vaultDir);

        robot.clickOn("web-test").clickOn("#connectHost");
        waitUntil(() -> visible(robot, "#hostKeyDialog"));
        DialogPane dialog = robot.lookup("#hostKeyDialog").query();
        assertThat(fieldTexts(dialog)).contains(server.sshd().hostKeyFingerprint(), "ssh-ed25519",
                "[127.0.0.1]:" + server.sshd().port());
        shot(robot, dialog, "terminal-new-host-key");
        robot.clickOn("#acceptHostKey");

        TerminalTab tab = waitForConnected(robot, 0);
        assertThat(tab.tab().getText()).isEqualTo("web-test");
        TerminalWidget terminal = tab.widget();
        waitForScreen(terminal, text -> PROMPT.matcher(text).find());

        robot.write("echo hello-$RANDOM-ish", 0);
        robot.type(KeyCode.ENTER);
        waitForScreen(terminal, text -> text.lines().anyMatch(l -> l.strip().matches("hello-\\d+-ish")));
        shot(robot, stage.getScene().getRoot(), "terminal-session");

        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("echo pasted-$((40+2))");
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V).release(KeyCode.V, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.type(KeyCode.ENTER);
        waitForScreen(terminal, text -> text.lines().anyMatch(l -> l.strip().equals("pasted-42")));

        TerminalTextBuffer buffer = terminal.getTerminalTextBuffer();
        int columns = buffer.getWidth();
        press(robot, KeyCode.EQUALS);
        press(robot, KeyCode.EQUALS);
        waitUntil(() -> buffer.getWidth() < columns);
        robot.write("stty size", 0);
        robot.type(KeyCode.ENTER);
        waitForScreen(terminal, text -> text.lines().anyMatch(l -> l.strip().equals(
                buffer.getHeight() + " " + buffer.getWidth())));
        press(robot, KeyCode.DIGIT0);
        waitUntil(() -> buffer.getWidth() == columns);

        TabPane tabs = robot.lookup("#terminalTabs").query();
        press(robot, KeyCode.TAB);
        assertThat(tabs.getSelectionModel().getSelectedIndex()).as("Ctrl+Tab wraps to the hosts tab").isZero();
        press(robot, KeyCode.PAGE_UP);
        assertThat(tabs.getSelectionModel().getSelectedIndex()).as("Ctrl+PageUp wraps back").isEqualTo(1);
        robot.clickOn("#sectionsTab .tab-label");
        robot.clickOn("web-test").type(KeyCode.ENTER);
        waitForConnected(robot, 1);
        assertThat(tabs.getTabs()).hasSize(3);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        // In a terminal Ctrl+F and Ctrl+N belong to the shell; from another section they bring Hosts forward.
        robot.interact(() -> tabs.getSelectionModel().select(0));
        robot.clickOn("#section-keys");
        press(robot, KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#hostSearch").query().isFocused()).as("Ctrl+F from Keys focuses the host search")
                .isTrue();
        robot.interact(() -> tabs.getSelectionModel().select(1));
        press(robot, KeyCode.W);
        assertThat(tabs.getTabs()).hasSize(2).first().satisfies(t -> assertThat(t.isClosable()).isFalse());
        robot.interact(() -> tabs.getSelectionModel().select(1));
        press(robot, KeyCode.W);
        assertThat(tabs.getTabs()).hasSize(1);
        press(robot, KeyCode.W);
        assertThat(tabs.getTabs()).as("the hosts tab never closes").hasSize(1);
        assertThat(tab.session().shell()).as("closing the tab disconnected it").isNull();

        List<KnownHost> known = knownHosts(vaultDir);
        assertThat(known).singleElement().satisfies(k -> assertThat(k.port()).isEqualTo(server.sshd().port()));
    }

    @Test
    void refusingANewHostKey_opensNoSession_andStoresNothing(FxRobot robot) throws Exception {
        Path vaultDir = temp.resolve("vault");
        vault(vaultDir, v -> TerminalFixtures.addHost(v, server, "refuse-me"));
        openAndUnlock(robot, vaultDir);

        robot.clickOn("refuse-me").type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#hostKeyDialog"));
        robot.clickOn("#refuseHostKey");

        TerminalTab tab = shell.main().terminals().terminals().get(0);
        waitUntil(() -> tab.session().phaseProperty().get() == Phase.FAILED);
        assertThat(message(robot)).contains("not accepted");
        assertThat(tab.tab().getText()).isEqualTo("refuse-me · failed");
        assertThat(visible(robot, "#reconnect")).isTrue();
        assertThat(tab.widget()).isNull();
        shot(robot, stage.getScene().getRoot(), "terminal-refused");
        assertThat(knownHosts(vaultDir)).isEmpty();
    }

    @Test
    void aChangedHostKey_showsTheWarning_EnterRefuses_andTheOldRecordStays(FxRobot robot) throws Exception {
        try (TerminalFixtures.Server moving = TerminalFixtures.Server.start(temp.resolve("moving"))) {
            Path vaultDir = temp.resolve("vault");
            vault(vaultDir, v -> {
                Host host = TerminalFixtures.addHost(v, moving, "moved");
                SshConnector engine = SshConnector.builder(new VaultHostDirectory(v), new VaultKnownHostStore(v),
                        FakeSshPrompt.trustingNewKeys()).build();
                try (SshSession session = engine.connect(host)) {
                    assertThat(session.isOpen()).isTrue();
                }
                return host;
            });
            String oldFingerprint = moving.sshd().hostKeyFingerprint();
            String recorded = knownHostsWhileClosed(vaultDir).get(0).key();
            moving.sshd().restartWithNewHostKey();
            openAndUnlock(robot, vaultDir);

            robot.doubleClickOn("moved", MouseButton.PRIMARY);
            waitUntil(() -> visible(robot, "#hostKeyChangedDialog"));
            DialogPane warning = robot.lookup("#hostKeyChangedDialog").query();
            assertThat(labelTexts(warning)).anyMatch(t -> t.contains("The host key has changed"));
            assertThat(fieldTexts(warning)).contains(oldFingerprint)
                    .anyMatch(t -> t.startsWith(moving.sshd().hostKeyFingerprint()));
            Button replace = robot.lookup("#replaceHostKey").queryButton();
            assertThat(replace.isDisabled()).as("replacing needs the tick first").isTrue();
            assertThat(replace.isDefaultButton()).isFalse();
            shot(robot, warning, "terminal-host-key-changed");

            robot.type(KeyCode.ENTER);
            TerminalTab tab = shell.main().terminals().terminals().get(0);
            waitUntil(() -> tab.session().phaseProperty().get() == Phase.FAILED);
            assertThat(visible(robot, "#hostKeyChangedDialog")).isFalse();
            assertThat(message(robot)).contains("CHANGED");
            assertThat(tab.widget()).as("no session").isNull();

            List<KnownHost> known = knownHosts(vaultDir);
            assertThat(known).singleElement().satisfies(k -> assertThat(k.key()).isEqualTo(recorded));
        }
    }

    // ---- setup and reading the screen ----

    private interface VaultSetup {
        Host apply(Vault vault) throws Exception;
    }

    private static void vault(Path dir, VaultSetup setup) throws Exception {
        try (Vault vault = Vault.createLocal(dir, TerminalFixtures.PASSWORD.toCharArray()).vault()) {
            setup.apply(vault);
        }
    }

    private static List<KnownHost> knownHostsWhileClosed(Path dir) {
        try (Vault vault = Vault.open(dir)) {
            vault.unlock(TerminalFixtures.PASSWORD.toCharArray());
            return vault.list(ItemType.KNOWN_HOST).stream().map(r -> (KnownHost) r.item()).toList();
        }
    }

    /** Closes the app (its vault) and reads the known hosts from the vault folder. */
    private List<KnownHost> knownHosts(Path dir) throws TimeoutException {
        WaitForAsyncUtils.asyncFx(() -> shell.close());
        WaitForAsyncUtils.waitForFxEvents();
        shell = null;
        return knownHostsWhileClosed(dir);
    }

    private void openAndUnlock(FxRobot robot, Path dir) throws TimeoutException {
        robot.interact(() -> {
            shell = new AppShell(dir, executor, GuiSettings.load(dir));
            stage.setScene(shell.createScene());
        });
        TextField password = robot.lookup("#unlockPassword").queryAs(TextField.class);
        robot.interact(() -> password.setText(TerminalFixtures.PASSWORD));
        robot.clickOn(password).type(KeyCode.ENTER);
        waitUntil(() -> visible(robot, "#hostList"));
    }

    private TerminalTab waitForConnected(FxRobot robot, int index) throws TimeoutException {
        waitUntil(() -> shell.main().terminals().terminals().size() > index
                && shell.main().terminals().terminals().get(index).widget() != null);
        return shell.main().terminals().terminals().get(index);
    }

    private static void press(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the terminal's text (scrollback and screen) satisfies the condition; shows it if never. */
    private void waitForScreen(TerminalWidget terminal, java.util.function.Predicate<String> condition) {
        try {
            waitUntil(() -> condition.test(terminal.allText()));
        } catch (TimeoutException e) {
            throw new AssertionError("The terminal shows:\n" + terminal.allText().stripTrailing()
                    + "\n(keyboard focus: " + stage.getScene().getFocusOwner() + ")", e);
        }
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#terminalMessage").queryAs(Label.class).getText();
    }

    private static List<String> fieldTexts(Node root) {
        return root.lookupAll(".text-field").stream().filter(TextField.class::isInstance)
                .map(n -> ((TextField) n).getText()).toList();
    }

    private static List<String> labelTexts(Node root) {
        return root.lookupAll(".label").stream().filter(Label.class::isInstance)
                .map(n -> ((Label) n).getText()).toList();
    }

    /** Writes the node as a PNG into the folder named by -Dtermvault.screenshots, when it is set. */
    private static void shot(FxRobot robot, Node node, String name) {
        String folder = System.getProperty("termvault.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.write(node, Path.of(folder).resolve(name + ".png")));
    }
}
