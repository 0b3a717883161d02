package dev.termvault.app.ssh.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs OpenSSH's {@code ssh-keygen} for tests: key files made by the reference implementation. */
public final class SshKeygen {

    private SshKeygen() {
    }

    /**
     * A key pair made by ssh-keygen.
     *
     * @param privateKeyFile the private key (openssh-key-v1 unless another format was asked for)
     * @param publicKeyFile  the {@code .pub} file
     */
    public record KeyFiles(Path privateKeyFile, Path publicKeyFile) {

        public String privateKeyText() {
            return read(privateKeyFile);
        }

        /** The authorized_keys line, without the trailing newline. */
        public String publicKeyLine() {
            return read(publicKeyFile).strip();
        }

        /** The key type name from the public key line, e.g. {@code ssh-ed25519}. */
        public String keyType() {
            return publicKeyLine().split(" ")[0];
        }
    }

    /**
     * Makes a key pair.
     *
     * @param dir        where to write it
     * @param name       file name of the private key
     * @param type       ssh-keygen's -t value: ed25519, ecdsa, rsa
     * @param bits       ssh-keygen's -b value, 0 for the type's default
     * @param passphrase the passphrase, empty for none
     */
    public static KeyFiles generate(Path dir, String name, String type, int bits, String passphrase) {
        Path file = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase,
                "-C", name + "@termvault-test", "-f", file.toString()));
        if (bits > 0) {
            cmd.add("-b");
            cmd.add(Integer.toString(bits));
        }
        run(cmd);
        return new KeyFiles(file, dir.resolve(name + ".pub"));
    }

    /** Makes a key pair without a passphrase, with the type's default size. */
    public static KeyFiles generate(Path dir, String name, String type) {
        return generate(dir, name, type, 0, "");
    }

    /** What {@code ssh-keygen -l -E sha256 -f FILE} prints as the fingerprint ({@code SHA256:...}). */
    public static String sha256Fingerprint(Path publicKeyFile) {
        String line = run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", publicKeyFile.toString()));
        return line.split(" ")[1];
    }

    /** Runs a command, returns its standard output; fails if it exits non-zero. */
    static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Timed out: " + cmd);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("Failed (" + p.exitValue() + "): " + cmd + "\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + cmd.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
