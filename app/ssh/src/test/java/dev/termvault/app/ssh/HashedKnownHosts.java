package dev.termvault.app.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.termvault.app.ssh.testing.OpenSshServer;
import dev.termvault.vault.model.KnownHost;

/** Writes a known_hosts line for a server and lets {@code ssh-keygen -H} hash it, as OpenSSH would. */
final class HashedKnownHosts {

    private HashedKnownHosts() {
    }

    static KnownHost hashWithSshKeygen(Path dir, OpenSshServer sshd) {
        return hashWithSshKeygen(dir, sshd.host(), sshd.port(), sshd.hostPublicKeyLine());
    }

    /** The known_hosts entry for {@code [host]:port} (or {@code host} on 22) with this key, hashed. */
    static KnownHost hashWithSshKeygen(Path dir, String host, int port, String publicKeyLine) {
        try {
            Path file = dir.resolve("known_hosts");
            String[] key = publicKeyLine.split(" ");
            String name = port == 22 ? host : "[" + host + "]:" + port;
            Files.writeString(file, name + " " + key[0] + " " + key[1] + "\n");
            Process p = new ProcessBuilder("ssh-keygen", "-q", "-H", "-f", file.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ssh-keygen -H failed");
            }
            String line = Files.readAllLines(file).stream().filter(l -> l.startsWith("|1|")).findFirst()
                    .orElseThrow();
            List<String> fields = List.of(line.split(" "));
            return new KnownHost(fields.get(0), 22, fields.get(1), fields.get(2), Instant.now(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
