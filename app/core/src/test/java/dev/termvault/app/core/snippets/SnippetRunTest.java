package dev.termvault.app.core.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.core.HostRef;
import dev.termvault.app.core.connect.Connections;
import dev.termvault.app.core.keys.KeyRow;
import dev.termvault.app.core.keys.Keys;
import dev.termvault.app.ssh.HostKeyPolicy;
import dev.termvault.app.ssh.FakeSshPrompt;
import dev.termvault.app.ssh.keys.KeyAlgorithm;
import dev.termvault.app.ssh.testing.OpenSshServer;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.KnownHost;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running a snippet on several hosts against a real OpenSSH sshd: a key made by {@link Keys} and authorized on the
 * server, two host records that reach it (each sending its own environment variable, so each host's output
 * differs) and one host where nothing listens.
 */
class SnippetRunTest {

    private static final String COMMAND = "echo \"hello from $TERMVAULT_NAME\"\necho warned >&2\n"
            + "test \"$TERMVAULT_NAME\" = alpha";

    @TempDir
    static Path temp;
    static Vault vault;
    static OpenSshServer sshd;
    static Snippets snippets;

    @BeforeAll
    static void start() throws IOException {
        vault = Vault.createLocal(temp.resolve("vault"), "correct horse battery staple".toCharArray()).vault();
        KeyRow key = new Keys(vault).generate(KeyAlgorithm.ED25519, 0, "runner", "runner@test");
        sshd = OpenSshServer.builder(temp.resolve("sshd")).authorize(new Keys(vault).exportPublic("runner")).start();
        vault.add(host("alpha", sshd.port(), key.id()));
        vault.add(host("beta", sshd.port(), key.id()));
        vault.add(host("down", closedPort(), key.id()));
        snippets = new Snippets(vault);
        snippets.add("greet", COMMAND, List.of("test"));
    }

    @AfterAll
    static void stop() {
        if (sshd != null) {
            sshd.close();
        }
        vault.close();
    }

    @BeforeEach
    void forgetHostKeys() {
        vault.list(ItemType.KNOWN_HOST).forEach(r -> vault.delete(r.id()));
    }

    private static Host host(String label, int port, String keyId) {
        return new Host(label, "127.0.0.1", port, sshd.user(), AuthMethod.KEY, keyId, null, List.of(), List.of(),
                List.of(), null, null, 0, Map.of("TERMVAULT_NAME", label), false, List.of());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static RunSettings settings(int parallelism) {
        return new RunSettings(new Connections.Settings(HostKeyPolicy.ASK_ON_FIRST_USE, Duration.ofSeconds(10)),
                Duration.ofSeconds(30), parallelism);
    }

    @Test
    void run_onTwoHostsAndOneDown_collectsEachHostsOutputAndStatus_askingAboutTheHostKeyOnce() {
        FakeSshPrompt prompt = FakeSshPrompt.trustingNewKeys();
        List<HostRun> told = new CopyOnWriteArrayList<>();

        SnippetRunResult result = snippets.runner("greet", List.of("alpha", "beta", "down", "ALPHA"), settings(1))
                .run(prompt, told::add);

        assertThat(result.snippet()).isEqualTo("greet");
        assertThat(result.hosts()).extracting(HostRun::host).as("in order, a host named twice runs once")
                .containsExactly("alpha", "beta", "down");
        HostRun alpha = result.hosts().get(0);
        assertThat(alpha.outcome()).isEqualTo(HostRun.Outcome.EXITED);
        assertThat(alpha.exitStatus()).isZero();
        assertThat(alpha.stdout()).isEqualTo("hello from alpha\n");
        assertThat(alpha.stderr()).isEqualTo("warned\n");
        HostRun beta = result.hosts().get(1);
        assertThat(beta.exitStatus()).as("the failing command's status").isEqualTo(1);
        assertThat(beta.stdout()).isEqualTo("hello from beta\n");
        HostRun down = result.hosts().get(2);
        assertThat(down.outcome()).isEqualTo(HostRun.Outcome.FAILED);
        assertThat(down.failure()).isNotBlank();
        assertThat(down.exitStatus()).isNull();
        assertThat(result.allSucceeded()).isFalse();
        assertThat(told).containsExactlyElementsOf(result.hosts());
        assertThat(prompt.newKeyQuestions()).as("alpha and beta share the endpoint: asked once, then known").hasSize(1);
        assertThat(prompt.newKeyQuestions().get(0).fingerprint()).isEqualTo(sshd.hostKeyFingerprint());
        assertThat(vault.list(ItemType.KNOWN_HOST)).singleElement()
                .satisfies(r -> assertThat(((KnownHost) r.item()).port()).isEqualTo(sshd.port()));
    }

    @Test
    void run_aRefusedHostKey_failsThatHostWithoutRunning_andRecordsNothing() {
        SnippetRunResult result = snippets.runner("greet", List.of("alpha"), settings(1))
                .run(new FakeSshPrompt(), r -> { });

        assertThat(result.hosts().get(0).outcome()).isEqualTo(HostRun.Outcome.FAILED);
        assertThat(result.hosts().get(0).stdout()).isEmpty();
        assertThat(vault.list(ItemType.KNOWN_HOST)).isEmpty();
    }

    @Test
    void run_twoAtATime_givesTheSameResultsInTheOrderNamed() {
        SnippetRunResult result = snippets.runner("greet", List.of("beta", "down", "alpha"), settings(2))
                .run(FakeSshPrompt.trustingNewKeys(), r -> { });

        assertThat(result.hosts()).extracting(HostRun::host, HostRun::outcome, HostRun::exitStatus).containsExactly(
                org.assertj.core.groups.Tuple.tuple("beta", HostRun.Outcome.EXITED, 1),
                org.assertj.core.groups.Tuple.tuple("down", HostRun.Outcome.FAILED, null),
                org.assertj.core.groups.Tuple.tuple("alpha", HostRun.Outcome.EXITED, 0));
        assertThat(result.hosts().get(2).stdout()).isEqualTo("hello from alpha\n");
    }

    @Test
    void cancel_afterTheFirstHost_leavesTheOthersUnstarted() {
        SnippetRun run = snippets.runner("greet", List.of("alpha", "beta", "down"), settings(1));
        assertThat(run.hosts()).extracting(HostRef::label).containsExactly("alpha", "beta", "down");

        SnippetRunResult result = run.run(FakeSshPrompt.trustingNewKeys(), finished -> run.cancel());

        assertThat(result.hosts()).extracting(HostRun::outcome).containsExactly(HostRun.Outcome.EXITED,
                HostRun.Outcome.CANCELLED, HostRun.Outcome.CANCELLED);
    }

    @Test
    void runner_refusesAnUnknownHostOrSnippet_beforeConnectingAnywhere() {
        assertThatThrownBy(() -> snippets.runner("greet", List.of("alpha", "nowhere"), settings(1)))
                .isInstanceOf(CoreException.NotFound.class).hasMessageContaining("nowhere");
        assertThatThrownBy(() -> snippets.runner("nothing", List.of("alpha"), settings(1)))
                .isInstanceOf(CoreException.NotFound.class);
        assertThatThrownBy(() -> snippets.runner("greet", List.of(), settings(1)))
                .isInstanceOf(CoreException.Invalid.class);
        assertThatThrownBy(() -> settings(RunSettings.MAX_PARALLELISM + 1)).isInstanceOf(CoreException.Invalid.class);
        assertThat(vault.list(ItemType.KNOWN_HOST)).isEmpty();
    }
}
