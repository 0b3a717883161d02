package dev.termvault.app.cli;

import dev.termvault.app.core.connect.Connections;
import dev.termvault.app.ssh.ExecResult;
import dev.termvault.app.ssh.ForwardBinding;
import dev.termvault.app.ssh.Shell;
import dev.termvault.app.ssh.SshConnectionException;
import dev.termvault.app.ssh.SshConnector;
import dev.termvault.app.ssh.SshSession;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Host;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code termvault connect LABEL}: a terminal session on a vault host in the current terminal (raw mode,
 * restored on exit; the window size is polled and sent on change). With {@code --command} it runs one
 * command instead and prints its output. Exits with the remote shell's (or command's) exit status, or with
 * {@link ExitCodes#CONNECT_FAILED} when Termvault itself fails or the host sends no status, as ssh does.
 */
@Command(name = "connect", description = {
    "Open a terminal session on the host labelled LABEL, in this terminal.",
    "Host keys are checked against the vault's known hosts; a new one is shown (SHA256 fingerprint) and"
        + " asked about, a changed one is refused unless you accept the warning.",
    "Exits with the remote exit status, or 255 when Termvault itself fails (wrong password, unknown host,"
        + " connection or host key refused, a wrong command line)."},
        footer = {"",
            "Exit codes: the remote command's or shell's status; 255 when Termvault fails or the host sends no"
                + " status (as ssh does)."})
final class ConnectCommand implements Callable<Integer> {

    private static final Duration SIZE_POLL = Duration.ofMillis(250);

    @Parameters(index = "0", paramLabel = "LABEL", description = "The host's label.")
    private String label;

    @Option(names = "--command", paramLabel = "CMD",
            description = "Run CMD on the host (no terminal), print its output and exit with its status.")
    private String command;

    @Mixin
    private ConnectionOptions connection;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;
    private final CliContext context;

    ConnectCommand(VaultAccess access, CliContext context) {
        this.access = access;
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openUnlocked()) {
            Connections connections = new Connections(vault);
            Host host = connections.host(label);
            SshConnector engine = connections.engine(new TerminalSshPrompt(context), connection.settings());
            try (SshSession session = engine.connect(host)) {
                describeForwards(session);
                return command != null ? runCommand(session) : interactive(session);
            }
        } catch (SshConnectionException e) {
            throw CliException.failed(e.getMessage());
        }
    }

    private void describeForwards(SshSession session) {
        PrintWriter err = spec.commandLine().getErr();
        for (ForwardBinding binding : session.forwards()) {
            err.println("Forwarding " + binding.forward().kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " port " + binding.boundHost() + ":" + binding.boundPort());
        }
        err.flush();
    }

    private int runCommand(SshSession session) throws SshConnectionException {
        ExecResult result = session.exec(command, Duration.ofHours(24));
        PrintWriter out = spec.commandLine().getOut();
        out.print(result.output());
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.print(result.errors());
        err.flush();
        return result.exitStatus() < 0 ? ExitCodes.CONNECT_FAILED : result.exitStatus();
    }

    private int interactive(SshSession session) throws SshConnectionException {
        RawTerminal terminal = RawTerminal.enter().orElseThrow(() -> CliException.usage(
                "connect needs a terminal (/dev/tty). To run one command without one, use --command."));
        try (terminal) {
            int[] size = terminal.size();
            try (Shell shell = session.openShell(size[1], size[0])) {
                Thread keys = pump(System.in, shell.input(), "keyboard");
                Thread resizer = Thread.ofPlatform().daemon().name("terminal-size").start(() -> pollSize(terminal, shell));
                copy(shell.output(), new FileOutputStream(FileDescriptor.out));
                shell.awaitClosed(Duration.ofSeconds(5));
                keys.interrupt();
                resizer.interrupt();
                return shell.exitStatus().orElse(ExitCodes.CONNECT_FAILED);
            }
        }
    }

    private static void pollSize(RawTerminal terminal, Shell shell) {
        int[] last = terminal.size();
        while (!Thread.currentThread().isInterrupted() && shell.isOpen()) {
            try {
                Thread.sleep(SIZE_POLL);
                int[] now = terminal.size();
                if (now[0] != last[0] || now[1] != last[1]) {
                    shell.resize(now[1], now[0]);
                    last = now;
                }
            } catch (InterruptedException e) {
                return;
            } catch (SshConnectionException e) {
                return;
            }
        }
    }

    private static Thread pump(InputStream from, OutputStream to, String name) {
        return Thread.ofPlatform().daemon().name(name).start(() -> copy(from, to));
    }

    private static void copy(InputStream from, OutputStream to) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = from.read(buffer)) >= 0; ) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // one side closed: the session is over
        }
    }
}
