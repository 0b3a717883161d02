package dev.termvault.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.termvault.app.ssh.testing.OpenSshServer;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.KnownHost;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snippets ...} in-process: a key made by {@code keys generate} and authorized on a real OpenSSH sshd,
 * two host records that reach it (each with its own environment variable), a snippet that fails on one of them.
 */
class SnippetsCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path temp;
    InitialisedVault vault;

    private CliRun.Result run(String... args) {
        return vault.run(args);
    }

    private String keyId(String name) throws Exception {
        for (JsonNode key : JSON.readTree(run("keys", "list", "--json").out())) {
            if (key.get("name").asText().equals(name)) {
                return key.get("id").asText();
            }
        }
        throw new AssertionError("no key " + name);
    }

    /** Two hosts on the sshd, its host key already known (no terminal here to accept a new one). */
    private void hostsOn(OpenSshServer sshd, String keyId, boolean knowHostKey) {
        vault.change(v -> {
            for (String label : List.of("alpha", "beta")) {
                v.add(new Host(label, sshd.host(), sshd.port(), sshd.user(), AuthMethod.KEY, keyId, null,
                        List.of(), List.of(), List.of(), null, null, 0, Map.of("TERMVAULT_NAME", label), false,
                        List.of()));
            }
            if (knowHostKey) {
                String[] hostKey = sshd.hostPublicKeyLine().split(" ");
                v.add(new KnownHost(sshd.host(), sshd.port(), hostKey[0], hostKey[1], Instant.now(), false));
            }
        });
    }

    @Test
    void snippetsRun_onTwoHosts_printsEachHostsOutputAndASummary_exitsWithFailureWhenOneFails() throws Exception {
        vault = InitialisedVault.create(temp);
        assertThat(run("keys", "generate", "--type", "ed25519", "--name", "runner").exitCode()).isZero();
        String publicKey = run("keys", "export", "runner").out().strip();
        try (OpenSshServer sshd = OpenSshServer.builder(temp.resolve("sshd")).authorize(publicKey).start()) {
            hostsOn(sshd, keyId("runner"), true);
            CliRun.Result added = run("snippets", "add", "--name", "greet", "--tag", "demo", "--command",
                    "echo \"hello from $TERMVAULT_NAME\"\necho warned >&2\ntest \"$TERMVAULT_NAME\" = alpha");
            assertThat(added.exitCode()).as(added.err()).isZero();

            CliRun.Result both = run("snippets", "run", "greet", "--host", "alpha", "--host", "beta");
            CliRun.Result json = run("snippets", "run", "greet", "--host", "alpha", "--host", "beta", "--json",
                    "--parallel", "2");
            CliRun.Result one = run("snippets", "run", "greet", "--host", "alpha", "--known-hosts-only");

            assertThat(both.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(both.out()).contains("== alpha: exit 0 ==\nhello from alpha\n-- stderr --\nwarned\n")
                    .contains("== beta: exit 1 ==\nhello from beta\n")
                    .contains("Ran greet on 2 host(s): 1 exited 0, 1 exited otherwise (beta 1), 0 did not run");
            JsonNode hosts = JSON.readTree(json.out()).get("hosts");
            assertThat(json.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(hosts.findValuesAsText("host")).containsExactly("alpha", "beta");
            assertThat(hosts.get(0).get("exitStatus").asInt()).isZero();
            assertThat(hosts.get(1).get("exitStatus").asInt()).isEqualTo(1);
            assertThat(hosts.get(1).get("stdout").asText()).isEqualTo("hello from beta\n");
            assertThat(hosts.get(1).get("outcome").asText()).isEqualTo("EXITED");
            assertThat(one.exitCode()).as(one.out() + one.err()).isZero();
            assertThat(one.out()).contains("1 exited 0, 0 exited otherwise");
        }
    }

    @Test
    void snippetsRun_anUnknownHostKeyWithoutATerminal_isRefused_andTheCrudCommandsWork() throws Exception {
        vault = InitialisedVault.create(temp);
        assertThat(run("keys", "generate", "--type", "ed25519", "--name", "runner").exitCode()).isZero();
        try (OpenSshServer sshd = OpenSshServer.builder(temp.resolve("sshd"))
                .authorize(run("keys", "export", "runner").out().strip()).start()) {
            hostsOn(sshd, keyId("runner"), false);
            assertThat(run("snippets", "add", "--name", "up", "--command", "uptime").exitCode()).isZero();
            assertThat(run("snippets", "edit", "up", "--name", "load", "--command", "cat /proc/loadavg")
                    .exitCode()).isZero();

            CliRun.Result refused = run("snippets", "run", "load", "--host", "alpha");
            JsonNode list = JSON.readTree(run("snippets", "list", "--json").out());

            assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(refused.out()).contains("== alpha: did not run ==", "1 did not run (alpha)");
            assertThat(refused.err()).contains("The authenticity of host");
            assertThat(list.findValuesAsText("name")).containsExactly("load");
            assertThat(list.get(0).get("command").asText()).isEqualTo("cat /proc/loadavg");
            assertThat(run("snippets", "run", "load", "--host", "nowhere").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
            assertThat(run("snippets", "rm", "load").exitCode()).isZero();
            assertThat(run("snippets", "list").out()).contains("No snippets yet");
        }
    }
}
