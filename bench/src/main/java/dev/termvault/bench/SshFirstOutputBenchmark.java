package dev.termvault.bench;

import dev.termvault.app.ssh.HostDirectory;
import dev.termvault.app.ssh.KnownHostStore;
import dev.termvault.app.ssh.Shell;
import dev.termvault.app.ssh.SshConnector;
import dev.termvault.app.ssh.SshPrompt;
import dev.termvault.app.ssh.SshSession;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.KnownHost;
import dev.termvault.vault.model.SshKey;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Time from "connect" to the first byte of shell output, for the engine and for OpenSSH's {@code ssh}, against
 * the same local sshd in one run, interleaved so both see the same machine load. Not a JMH benchmark: one
 * connection takes tens of milliseconds and starts a process on the server, so a plain harness with medians
 * over many rounds says more. Both clients use an ed25519 key, a known host key (no question) and a PTY.
 *
 * <pre>
 * ./mvnw -B -Pbench -pl bench -am package
 * java -cp bench/target/benchmarks.jar dev.termvault.bench.SshFirstOutputBenchmark [rounds]
 * </pre>
 * Needs /usr/sbin/sshd, ssh and ssh-keygen; run as root (it logs in as the current user) or as a user whose
 * login sshd accepts with the generated key.
 */
public final class SshFirstOutputBenchmark {

    private SshFirstOutputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmup = Math.max(3, rounds / 5);
        Path dir = Files.createTempDirectory("termvault-ssh-bench");
        Process sshd = null;
        try {
            run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("host_key").toString());
            run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("id").toString());
            Files.copy(dir.resolve("id.pub"), dir.resolve("authorized_keys"));
            int port = freePort();
            sshd = startSshd(dir, port);
            String user = System.getProperty("user.name");
            String[] hostKey = Files.readString(dir.resolve("host_key.pub")).strip().split(" ");
            Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + hostKey[0] + " " + hostKey[1] + "\n");

            SshKey key = new SshKey("bench", Files.readString(dir.resolve("id")), Files.readString(dir.resolve("id.pub")),
                    "", "ssh-ed25519");
            KnownHost known = new KnownHost("127.0.0.1", port, hostKey[0], hostKey[1], Instant.now(), false);
            SshConnector engine = SshConnector.builder(new OneKey(key), new FixedKnownHosts(known), new NoPrompt()).build();
            Host host = new Host("bench", "127.0.0.1", port, user, AuthMethod.KEY, "k", null, List.of(), List.of(),
                    List.of(), null, null, 0, Map.of(), false, List.of());

            long[] cold = engineOnce(engine, host);
            System.out.printf("engine, first connection in this JVM: %.1f ms (connect %.1f, shell %.1f, first output %.1f)%n",
                    ms(cold[3]), ms(cold[0]), ms(cold[1]), ms(cold[2]));
            List<long[]> engineRuns = new ArrayList<>();
            List<Long> sshRuns = new ArrayList<>();
            for (int i = 0; i < warmup + rounds; i++) {
                long[] e = engineOnce(engine, host);
                long s = sshOnce(dir, port, user);
                if (i >= warmup) {
                    engineRuns.add(e);
                    sshRuns.add(s);
                }
            }
            report(rounds, engineRuns, sshRuns);
        } finally {
            if (sshd != null) {
                sshd.destroy();
                sshd.waitFor(10, TimeUnit.SECONDS);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** {connect, open shell, first output, total} in nanoseconds. */
    private static long[] engineOnce(SshConnector engine, Host host) throws Exception {
        long t0 = System.nanoTime();
        try (SshSession session = engine.connect(host)) {
            long t1 = System.nanoTime();
            try (Shell shell = session.openShell(80, 24)) {
                long t2 = System.nanoTime();
                if (shell.output().read() < 0) {
                    throw new IllegalStateException("shell closed without output");
                }
                long t3 = System.nanoTime();
                return new long[] {t1 - t0, t2 - t1, t3 - t2, t3 - t0};
            }
        }
    }

    private static long sshOnce(Path dir, int port, String user) throws Exception {
        long t0 = System.nanoTime();
        Process ssh = new ProcessBuilder("ssh", "-tt", "-F", "/dev/null", "-i", dir.resolve("id").toString(),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts"), "-o", "LogLevel=ERROR",
                "-p", Integer.toString(port), user + "@127.0.0.1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (InputStream out = ssh.getInputStream()) {
            if (out.read() < 0) {
                throw new IllegalStateException("ssh ended without output (exit " + ssh.waitFor() + ")");
            }
            return System.nanoTime() - t0;
        } finally {
            ssh.destroy();
            ssh.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void report(int rounds, List<long[]> engine, List<Long> ssh) {
        double engineTotal = median(engine.stream().mapToLong(r -> r[3]).toArray());
        double sshTotal = median(ssh.stream().mapToLong(Long::longValue).toArray());
        System.out.printf("rounds: %d (interleaved, after warm-up)%n", rounds);
        System.out.printf("engine  median %.1f ms  p90 %.1f ms  (connect+login %.1f, open shell %.1f, first output %.1f)%n",
                ms(engineTotal), ms(p90(engine.stream().mapToLong(r -> r[3]).toArray())),
                ms(median(engine.stream().mapToLong(r -> r[0]).toArray())),
                ms(median(engine.stream().mapToLong(r -> r[1]).toArray())),
                ms(median(engine.stream().mapToLong(r -> r[2]).toArray())));
        System.out.printf("ssh     median %.1f ms  p90 %.1f ms  (process start included)%n",
                ms(sshTotal), ms(p90(ssh.stream().mapToLong(Long::longValue).toArray())));
        System.out.printf("ratio engine/ssh (medians): %.2f%n", engineTotal / sshTotal);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static double p90(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.9) - 1)];
    }

    private static double ms(double nanos) {
        return nanos / 1_000_000.0;
    }

    private static Process startSshd(Path dir, int port) throws Exception {
        Path privsep = Path.of("/run/sshd");
        if (!Files.isDirectory(privsep)) {
            Files.createDirectories(privsep);
        }
        Files.write(dir.resolve("sshd_config"), List.of(
                "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + dir.resolve("host_key"),
                "PidFile " + dir.resolve("sshd.pid"), "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "StrictModes no", "UsePAM no", "PermitRootLogin prohibit-password", "PasswordAuthentication no",
                "KbdInteractiveAuthentication no", "PrintMotd no", "PrintLastLog no"));
        Process sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return sshd;
            } catch (IOException notYet) {
                if (!sshd.isAlive()) {
                    throw new IllegalStateException("sshd exited: " + Files.readString(dir.resolve("sshd.log")));
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("sshd did not start");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + out);
        }
    }

    private record OneKey(SshKey key) implements HostDirectory {
        @Override
        public Optional<SshKey> key(String id) {
            return Optional.of(key);
        }

        @Override
        public Optional<Credential> credential(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<Host> host(String id) {
            return Optional.empty();
        }
    }

    private record FixedKnownHosts(KnownHost known) implements KnownHostStore {
        @Override
        public List<KnownHost> list() {
            return List.of(known);
        }

        @Override
        public void add(KnownHost accepted) {
            throw new IllegalStateException("the benchmark's host key is known in advance");
        }

        @Override
        public void replace(KnownHost previous, KnownHost accepted) {
            throw new IllegalStateException("the benchmark's host key is known in advance");
        }
    }

    private static final class NoPrompt implements SshPrompt {
        @Override
        public boolean acceptNewHostKey(HostKeyQuestion question) {
            return false;
        }

        @Override
        public boolean acceptChangedHostKey(HostKeyQuestion question) {
            return false;
        }

        @Override
        public Optional<char[]> password(String user, String host) {
            return Optional.empty();
        }

        @Override
        public Optional<List<String>> keyboardInteractive(String host, String name, String instruction,
                                                          List<KeyboardPrompt> prompts) {
            return Optional.empty();
        }
    }
}
