package dev.termvault.app.ssh.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH {@code sshd} for tests, listening on 127.0.0.1 on a free port, with its own sshd_config,
 * host key (made with ssh-keygen), authorized_keys and pid file, all in a directory the test owns.
 * Logins are as the current user (the tests run as root, so {@code PermitRootLogin prohibit-password}).
 *
 * <pre>{@code
 * try (OpenSshServer sshd = OpenSshServer.builder(tempDir).authorize(key.publicKeyLine()).start()) {
 *     connect to sshd.host() : sshd.port() as sshd.user()
 * }
 * }</pre>
 *
 * Call {@link SystemTools#requireOpenSsh()} first (the builder's {@code start()} does so too).
 */
public final class OpenSshServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path dir;
    private final String hostKeyType;
    private final List<String> extraHostKeyTypes;
    private final List<String> extraConfig;
    private final int port;
    private int generation;
    private Process process;

    private OpenSshServer(Path dir, String hostKeyType, List<String> extraHostKeyTypes, List<String> extraConfig,
                          int port) {
        this.dir = dir;
        this.hostKeyType = hostKeyType;
        this.extraHostKeyTypes = List.copyOf(extraHostKeyTypes);
        this.extraConfig = List.copyOf(extraConfig);
        this.port = port;
    }

    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /** Configures a server before it starts. */
    public static final class Builder {
        private final Path dir;
        private String hostKeyType = "ed25519";
        private final List<String> extraHostKeyTypes = new ArrayList<>();
        private final List<String> extraConfig = new ArrayList<>();
        private final List<String> authorizedKeys = new ArrayList<>();

        private Builder(Path dir) {
            this.dir = dir;
        }

        /** ssh-keygen's -t for the host key: ed25519 (default), ecdsa, rsa. */
        public Builder hostKeyType(String type) {
            this.hostKeyType = type;
            return this;
        }

        /**
         * A second (third...) host key of another ssh-keygen type, listed after the main one; the client's
         * preference decides which one sshd shows.
         */
        public Builder extraHostKeyType(String type) {
            this.extraHostKeyTypes.add(type);
            return this;
        }

        /** An extra sshd_config line; it takes precedence over the defaults (sshd keeps the first value). */
        public Builder config(String line) {
            extraConfig.add(line);
            return this;
        }

        /** An authorized_keys line for the current user. */
        public Builder authorize(String publicKeyLine) {
            authorizedKeys.add(publicKeyLine);
            return this;
        }

        public OpenSshServer start() {
            SystemTools.requireOpenSsh();
            try {
                Files.createDirectories(dir);
                OpenSshServer server = new OpenSshServer(dir, hostKeyType, extraHostKeyTypes, extraConfig, freePort());
                Files.writeString(server.authorizedKeysFile(), "", StandardCharsets.UTF_8);
                for (String line : authorizedKeys) {
                    server.authorize(line);
                }
                server.newHostKey();
                server.launch();
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The login name to use: the user the tests run as. */
    public String user() {
        return System.getProperty("user.name");
    }

    public Path directory() {
        return dir;
    }

    public Path hostPublicKeyFile() {
        return dir.resolve("host_key_" + generation + ".pub");
    }

    /** The public key file of the extra host key of this ssh-keygen type ({@link Builder#extraHostKeyType}). */
    public Path hostPublicKeyFile(String type) {
        return type.equals(hostKeyType) ? hostPublicKeyFile() : dir.resolve(extraKeyName(type) + ".pub");
    }

    /** The host key of this ssh-keygen type as a known_hosts style line. */
    public String hostPublicKeyLine(String type) {
        return SshKeygen.read(hostPublicKeyFile(type)).strip();
    }

    /** The {@code SHA256:...} fingerprint of the host key of this ssh-keygen type. */
    public String hostKeyFingerprint(String type) {
        return SshKeygen.sha256Fingerprint(hostPublicKeyFile(type));
    }

    /** The host key as an authorized_keys/known_hosts style line: {@code type base64 comment}. */
    public String hostPublicKeyLine() {
        return SshKeygen.read(hostPublicKeyFile()).strip();
    }

    /** The host key's {@code SHA256:...} fingerprint as ssh-keygen prints it. */
    public String hostKeyFingerprint() {
        return SshKeygen.sha256Fingerprint(hostPublicKeyFile());
    }

    public Path authorizedKeysFile() {
        return dir.resolve("authorized_keys");
    }

    /** Adds an authorized_keys line; sshd reads the file on each login, so this works while running. */
    public void authorize(String publicKeyLine) {
        try {
            Files.writeString(authorizedKeysFile(), publicKeyLine.strip() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server, gives it a freshly generated host key, and starts it again on the same port. */
    public void restartWithNewHostKey() {
        stop();
        newHostKey();
        launch();
    }

    /** Everything sshd logged so far (it runs with -e, logging to this file). */
    public String log() {
        Path log = dir.resolve("sshd.log");
        return Files.exists(log) ? SshKeygen.read(log) : "";
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void newHostKey() {
        generation++;
        generateHostKey(hostKeyType, dir.resolve("host_key_" + generation));
        for (String type : extraHostKeyTypes) {
            generateHostKey(type, dir.resolve(extraKeyName(type)));
        }
    }

    private static void generateHostKey(String type, Path key) {
        SshKeygen.run(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "termvault-test-host",
                "-f", key.toString()));
    }

    private String extraKeyName(String type) {
        return "host_key_" + generation + "_" + type;
    }

    private Path writeConfig() throws IOException {
        List<String> lines = new ArrayList<>(extraConfig);
        lines.addAll(List.of(
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_key_" + generation),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorizedKeysFile(),
                "StrictModes no",
                "UsePAM no",
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "AllowTcpForwarding yes",
                "AcceptEnv LANG LC_* TERMVAULT_*",
                "PrintMotd no",
                "PrintLastLog no",
                "LogLevel VERBOSE"));
        for (String type : extraHostKeyTypes) {
            lines.add("HostKey " + dir.resolve(extraKeyName(type)));
        }
        Path config = dir.resolve("sshd_config");
        Files.write(config, lines, StandardCharsets.UTF_8);
        return config;
    }

    private void launch() {
        try {
            ensurePrivilegeSeparationDirectory();
            Path config = writeConfig();
            Path log = dir.resolve("sshd.log");
            Files.writeString(log, "", StandardCharsets.UTF_8);
            process = new ProcessBuilder(SystemTools.SSHD.toString(), "-D", "-e", "-f", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String listening = "Server listening on 127.0.0.1 port " + port;
        await("sshd listening on port " + port)
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("sshd exited with " + process.exitValue() + ":\n" + log());
                    }
                    return log().contains(listening);
                });
    }

    /** sshd refuses to start without /run/sshd, which only its service unit normally creates. */
    private static void ensurePrivilegeSeparationDirectory() throws IOException {
        Path privsep = Path.of("/run/sshd");
        if (!Files.isDirectory(privsep) && "root".equals(System.getProperty("user.name"))) {
            Files.createDirectories(privsep,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public String toString() {
        return "OpenSshServer[127.0.0.1:" + port + ", " + dir + "]";
    }
}
