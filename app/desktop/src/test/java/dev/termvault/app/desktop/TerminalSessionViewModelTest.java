package dev.termvault.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.termvault.app.desktop.terminal.CancellablePrompt;
import dev.termvault.app.desktop.terminal.TerminalSessionViewModel;
import dev.termvault.app.desktop.terminal.TerminalSessionViewModel.Phase;
import dev.termvault.app.ssh.Shell;
import dev.termvault.app.ssh.SshConnector;
import dev.termvault.app.ssh.VaultHostDirectory;
import dev.termvault.app.ssh.VaultKnownHostStore;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A terminal tab's connection without JavaFX, against a real OpenSSH sshd: connect and use the shell, see the
 * exit status, a failure with its message and a working reconnect, and a cancel while a host-key question is
 * open (nothing stored).
 */
class TerminalSessionViewModelTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path temp;
    static TerminalFixtures.Server server;
    static Vault vault;
    static Host host;

    @BeforeAll
    static void startServerAndVault() {
        server = TerminalFixtures.Server.start(temp.resolve("server"));
        vault = Vault.createLocal(temp.resolve("vault"), TerminalFixtures.PASSWORD.toCharArray()).vault();
        host = TerminalFixtures.addHost(vault, server, "vm-host");
    }

    @AfterAll
    static void stop() {
        if (vault != null) {
            vault.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void connect_opensAShellWithAPty_andReportsTheExitStatusWhenItEnds() throws Exception {
        Answering prompt = new Answering(true);
        try (TerminalSessionViewModel model = model(host, prompt)) {
            model.connect();
            assertThat(model.phaseProperty().get()).isIn(Phase.CONNECTING, Phase.CONNECTED);
            await().atMost(WAIT).until(() -> model.phaseProperty().get() == Phase.CONNECTED);
            assertThat(model.titleProperty().get()).isEqualTo("vm-host");

            Shell shell = model.shell();
            model.resize(101, 33);
            type(shell, "stty size; echo vm-$((6*7))\n");
            String seen = readUntil(shell.output(), "vm-42");
            assertThat(seen).contains("33 101");

            type(shell, "exit 3\n");
            await().atMost(WAIT).until(() -> model.phaseProperty().get() == Phase.CLOSED);
            assertThat(model.messageProperty().get()).contains("exit status 3");
            assertThat(model.titleProperty().get()).isEqualTo("vm-host · exit 3");
            assertThat(model.shell()).isNull();
        }
    }

    @Test
    void aRefusedConnection_failsWithAClearMessage_andReconnectTriesAgain() throws Exception {
        int closedPort = freePort();
        Host nowhere = new Host("nowhere", "127.0.0.1", closedPort, server.sshd().user(), AuthMethod.KEY,
                host.keyId(), null, List.of(), List.of(), List.of(), null, null, 0, Map.of(), false, List.of());
        AtomicInteger changes = new AtomicInteger();
        try (TerminalSessionViewModel model = model(nowhere, new Answering(true))) {
            model.phaseProperty().addListener((obs, old, now) -> changes.incrementAndGet());
            model.connect();
            await().atMost(WAIT).until(() -> model.phaseProperty().get() == Phase.FAILED);
            assertThat(model.messageProperty().get()).contains("Connection refused").contains(":" + closedPort);
            assertThat(model.titleProperty().get()).isEqualTo("nowhere · failed");

            int before = changes.get();
            model.reconnect();
            await().atMost(WAIT).until(() -> changes.get() >= before + 2
                    && model.phaseProperty().get() == Phase.FAILED);
        }
    }

    @Test
    void cancel_whileTheHostKeyQuestionIsOpen_withdrawsIt_andStoresNothing() throws Exception {
        try (TerminalFixtures.Server other = TerminalFixtures.Server.start(temp.resolve("other"))) {
            Host fresh = TerminalFixtures.addHost(vault, other, "cancel-host");
            int knownBefore = vault.list(ItemType.KNOWN_HOST).size();
            Waiting prompt = new Waiting();
            try (TerminalSessionViewModel model = model(fresh, prompt)) {
                model.connect();
                prompt.asked.await();
                assertThat(model.phaseProperty().get()).isEqualTo(Phase.CONNECTING);

                model.cancel();

                assertThat(model.phaseProperty().get()).isEqualTo(Phase.CANCELLED);
                assertThat(model.messageProperty().get()).contains("cancelled");
                await().atMost(WAIT).until(() -> prompt.answered);
                assertThat(prompt.answer).as("a withdrawn question is answered no").isFalse();
                assertThat(model.shell()).isNull();
                assertThat(vault.list(ItemType.KNOWN_HOST)).hasSize(knownBefore);
            }
        }
    }

    private static TerminalSessionViewModel model(Host target, CancellablePrompt prompt) {
        SshConnector engine = SshConnector.builder(new VaultHostDirectory(vault), new VaultKnownHostStore(vault),
                prompt).connectTimeout(Duration.ofSeconds(10)).build();
        return new TerminalSessionViewModel(target, engine, prompt, Runnable::run);
    }

    private static void type(Shell shell, String text) throws IOException {
        shell.input().write(text.getBytes(StandardCharsets.UTF_8));
        shell.input().flush();
    }

    /** Reads the terminal output until it contains {@code marker} (as output, not as the echoed command). */
    private static String readUntil(InputStream in, String marker) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            seen.write(buffer, 0, n);
            String text = seen.toString(StandardCharsets.UTF_8);
            if (text.lines().anyMatch(line -> line.strip().equals(marker))) {
                return text;
            }
        }
        throw new AssertionError("no line \"" + marker + "\" in: " + seen.toString(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Answers host-key questions at once. */
    private record Answering(boolean trust) implements CancellablePrompt {
        @Override
        public boolean acceptNewHostKey(HostKeyQuestion question) {
            return trust;
        }

        @Override
        public boolean acceptChangedHostKey(HostKeyQuestion question) {
            return false;
        }

        @Override
        public Optional<char[]> password(String user, String hostName) {
            return Optional.empty();
        }

        @Override
        public Optional<List<String>> keyboardInteractive(String hostName, String name, String instruction,
                List<KeyboardPrompt> prompts) {
            return Optional.empty();
        }

        @Override
        public void withdraw() {
        }

        @Override
        public void resume() {
        }
    }

    /** Keeps a host-key question open, like a person who has not answered yet, until it is withdrawn. */
    private static final class Waiting implements CancellablePrompt {
        final CountDownLatch asked = new CountDownLatch(1);
        private final CountDownLatch withdrawn = new CountDownLatch(1);
        volatile boolean answered;
        volatile boolean answer = true;

        @Override
        public boolean acceptNewHostKey(HostKeyQuestion question) {
            asked.countDown();
            try {
                withdrawn.await();
                answer = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer = false;
            }
            answered = true;
            return answer;
        }

        @Override
        public boolean acceptChangedHostKey(HostKeyQuestion question) {
            return false;
        }

        @Override
        public Optional<char[]> password(String user, String hostName) {
            return Optional.empty();
        }

        @Override
        public Optional<List<String>> keyboardInteractive(String hostName, String name, String instruction,
                List<KeyboardPrompt> prompts) {
            return Optional.empty();
        }

        @Override
        public void withdraw() {
            withdrawn.countDown();
        }

        @Override
        public void resume() {
        }
    }
}
