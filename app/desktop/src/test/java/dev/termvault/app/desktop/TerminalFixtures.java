package dev.termvault.app.desktop;

import dev.termvault.app.ssh.testing.OpenSshServer;
import dev.termvault.app.ssh.testing.SshKeygen;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.SshKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A real OpenSSH server and a vault holding a key it accepts and a host record pointing at it. */
final class TerminalFixtures {

    static final String PASSWORD = "correct horse Battery 9";

    private TerminalFixtures() {
    }

    /** A key pair made with ssh-keygen, authorized on a new sshd in {@code dir}. */
    record Server(OpenSshServer sshd, SshKeygen.KeyFiles key) implements AutoCloseable {
        static Server start(Path dir) {
            try {
                java.nio.file.Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            SshKeygen.KeyFiles key = SshKeygen.generate(dir, "id_terminal", "ed25519");
            OpenSshServer sshd = OpenSshServer.builder(dir.resolve("sshd")).authorize(key.publicKeyLine()).start();
            return new Server(sshd, key);
        }

        @Override
        public void close() {
            sshd.close();
        }
    }

    /** Stores the server's key and a host record for it; returns the host. */
    static Host addHost(Vault vault, Server server, String label) {
        SshKeygen.KeyFiles key = server.key();
        String keyId = vault.add(new SshKey(key.privateKeyFile().getFileName().toString(), key.privateKeyText(),
                key.publicKeyLine(), "terminal@termvault-test", key.keyType())).id();
        Host host = new Host(label, server.sshd().host(), server.sshd().port(), server.sshd().user(), AuthMethod.KEY,
                keyId, null, List.of(), List.of(), List.of(), null, null, 0, Map.of(), false, List.of());
        vault.add(host);
        return host;
    }
}
