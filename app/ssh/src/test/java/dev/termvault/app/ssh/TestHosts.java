package dev.termvault.app.ssh;

import java.util.List;
import java.util.Map;

import dev.termvault.app.ssh.testing.OpenSshServer;
import dev.termvault.app.ssh.testing.SshKeygen;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.PortForward;
import dev.termvault.vault.model.SshKey;

/** Builds vault records for keys and servers made by the tests. */
final class TestHosts {

    private TestHosts() {
    }

    static SshKey sshKey(SshKeygen.KeyFiles files) {
        return new SshKey(files.privateKeyFile().getFileName().toString(), files.privateKeyText(),
                files.publicKeyLine(), files.privateKeyFile().getFileName() + "@termvault-test", files.keyType());
    }

    static Host host(String label, OpenSshServer sshd, String keyId) {
        return builder(label, sshd, keyId).build();
    }

    static Builder builder(String label, OpenSshServer sshd, String keyId) {
        return new Builder(label, sshd.host(), sshd.port(), sshd.user(), keyId);
    }

    /** A Host with the fields tests vary. */
    static final class Builder {
        private final String label;
        private final String hostname;
        private final int port;
        private final String user;
        private final String keyId;
        private List<String> jumpHosts = List.of();
        private List<PortForward> forwards = List.of();
        private Map<String, String> environment = Map.of();
        private List<String> legacy = List.of();
        private int keepAlive;
        private boolean agentForwarding;

        Builder(String label, String hostname, int port, String user, String keyId) {
            this.label = label;
            this.hostname = hostname;
            this.port = port;
            this.user = user;
            this.keyId = keyId;
        }

        Builder jumpHosts(String... ids) {
            jumpHosts = List.of(ids);
            return this;
        }

        Builder forwards(PortForward... f) {
            forwards = List.of(f);
            return this;
        }

        Builder environment(Map<String, String> env) {
            environment = env;
            return this;
        }

        Builder legacyAlgorithms(String... names) {
            legacy = List.of(names);
            return this;
        }

        Builder keepAliveSeconds(int seconds) {
            keepAlive = seconds;
            return this;
        }

        Builder agentForwarding(boolean on) {
            agentForwarding = on;
            return this;
        }

        Host build() {
            return new Host(label, hostname, port, user, AuthMethod.KEY, keyId, null, jumpHosts, forwards, List.of(),
                    null, null, keepAlive, environment, agentForwarding, legacy);
        }
    }
}
