package dev.termvault.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.termvault.app.ssh.testing.OpenSshServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's tour from the command line alone, against a real OpenSSH sshd: make a key, give it to a host that
 * goes through a jump host and has a forward, connect, run a snippet on two hosts, then list and remove keys and
 * known hosts. Every step is a {@code termvault} command; nothing is written into the vault behind the CLI's back
 * (the sshd's admin authorizes the exported public key, as a server's admin would).
 */
class ReadmeTourTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private InitialisedVault vault;

    private CliRun.Result ok(String... args) {
        CliRun.Result result = vault.run(args);
        assertThat(result.exitCode()).as("termvault %s%nout: %s%nerr: %s", String.join(" ", args), result.out(),
                result.err()).isZero();
        return result;
    }

    @Test
    void cliOnly_keyHostJumpForwardConnectSnippetAndCleanUp_allWork() throws Exception {
        vault = InitialisedVault.create(temp);
        ok("keys", "generate", "--type", "ed25519", "--name", "laptop");
        String publicKey = ok("keys", "export", "laptop").out().strip();
        assertThat(publicKey).startsWith("ssh-ed25519 ");

        try (OpenSshServer sshd = OpenSshServer.builder(temp.resolve("sshd")).authorize(publicKey).start()) {
            Path knownHosts = temp.resolve("known_hosts");
            Files.writeString(knownHosts, "[" + sshd.host() + "]:" + sshd.port() + " " + sshd.hostPublicKeyLine() + "\n");
            ok("import", "known-hosts", knownHosts.toString());
            String port = Integer.toString(sshd.port());
            int forwardPort = freePort();
            ok("hosts", "add", "--label", "bastion", "--hostname", sshd.host(), "--port", port, "--user", sshd.user(),
                    "--auth", "key", "--key", "laptop");
            ok("hosts", "add", "--label", "web-01", "--hostname", sshd.host(), "--port", port, "--user", sshd.user(),
                    "--auth", "key", "--key", "laptop", "--jump", "bastion",
                    "--forward", "L:" + forwardPort + ":" + sshd.host() + ":" + port);

            JsonNode web = JSON.readTree(ok("hosts", "show", "web-01", "--json").out());
            assertThat(web.get("keyName").asText()).isEqualTo("laptop");
            assertThat(web.get("jumpHostLabels").get(0).asText()).isEqualTo("bastion");
            assertThat(web.get("forwardSpecs").get(0).asText()).contains(Integer.toString(forwardPort));

            CliRun.Result connected = ok("connect", "web-01", "--known-hosts-only", "--command", "echo tour-ok");
            assertThat(connected.out()).contains("tour-ok");
            assertThat(connected.out() + connected.err()).contains(Integer.toString(forwardPort));

            ok("snippets", "add", "--name", "whoami", "--command", "echo ran-as-$(id -un)");
            CliRun.Result ran = ok("snippets", "run", "whoami", "--host", "bastion", "--host", "web-01",
                    "--known-hosts-only");
            assertThat(ran.out()).contains("== bastion: exit 0 ==").contains("== web-01: exit 0 ==")
                    .contains("ran-as-" + sshd.user());
        }

        JsonNode keys = JSON.readTree(ok("keys", "list", "--json").out());
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("name").asText()).isEqualTo("laptop");
        CliRun.Result refused = vault.run("keys", "rm", "laptop");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("bastion").contains("web-01");
        ok("keys", "rm", "laptop", "--force");
        assertThat(JSON.readTree(ok("keys", "list", "--json").out())).isEmpty();
        assertThat(JSON.readTree(ok("hosts", "show", "web-01", "--json").out()).path("keyName").isMissingNode()
                || JSON.readTree(ok("hosts", "show", "web-01", "--json").out()).get("keyName").isNull()).isTrue();

        JsonNode known = JSON.readTree(ok("known-hosts", "list", "--json").out());
        assertThat(known).hasSize(1);
        String pattern = "[" + known.get(0).get("hostPattern").asText() + "]:" + known.get(0).get("port").asInt();
        ok("known-hosts", "rm", pattern);
        assertThat(JSON.readTree(ok("known-hosts", "list", "--json").out())).isEmpty();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
