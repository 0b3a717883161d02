package dev.termvault.app.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.kex.KexProposalOption;

import dev.termvault.vault.model.Host;

/**
 * A logged-in connection to a host (through its jump hosts), with its forwards running. Open shells and run
 * commands on it; {@link #close()} disconnects every hop, last hop first, and wipes the keys.
 */
public final class SshSession implements AutoCloseable {

    /** The terminal type a shell asks for. */
    public static final String TERMINAL_TYPE = "xterm-256color";

    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);

    private final Host host;
    private final List<Hop> hops;
    private final List<ForwardBinding> forwards;

    SshSession(Host host, List<Hop> hops, List<ForwardBinding> forwards) {
        this.host = host;
        this.hops = List.copyOf(hops);
        this.forwards = List.copyOf(forwards);
    }

    public Host host() {
        return host;
    }

    /** The forwards started with the session and where they listen. */
    public List<ForwardBinding> forwards() {
        return forwards;
    }

    public boolean isOpen() {
        return session().isOpen();
    }

    /** Opens an interactive shell with a PTY of the given size, with the host's environment variables. */
    public Shell openShell(int columns, int rows) throws SshConnectionException {
        try {
            ChannelShell channel = session().createShellChannel();
            channel.setPtyType(TERMINAL_TYPE);
            channel.setPtyColumns(columns);
            channel.setPtyLines(rows);
            channel.setAgentForwarding(host.agentForwarding());
            channel.setRedirectErrorStream(true);
            host.environment().forEach(channel::setEnv);
            channel.open().verify(OPEN_TIMEOUT);
            return new Shell(channel);
        } catch (IOException e) {
            throw new SshConnectionException.ConnectionFailed("Could not open a shell on " + host.label() + ".", e);
        }
    }

    /**
     * Runs a command (a snippet) without a PTY and waits for it to finish.
     *
     * @param timeout how long the command may run; it is closed after that
     */
    public ExecResult exec(String command, Duration timeout) throws SshConnectionException {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try (ChannelExec channel = session().createExecChannel(command, null, Map.copyOf(host.environment()))) {
            channel.setOut(out);
            channel.setErr(err);
            channel.setAgentForwarding(host.agentForwarding());
            channel.open().verify(OPEN_TIMEOUT);
            Set<ClientChannelEvent> events = channel.waitFor(
                    EnumSet.of(ClientChannelEvent.CLOSED, ClientChannelEvent.EXIT_STATUS), timeout);
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                throw new SshConnectionException.TimedOut(host.label(), "running a command on", null);
            }
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(5));
            Integer status = channel.getExitStatus();
            return new ExecResult(status == null ? -1 : status, out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SshConnectionException.ConnectionFailed("Could not run the command on " + host.label() + ".", e);
        }
    }

    /** The host-key algorithm negotiated with the target host (e.g. {@code ssh-ed25519}). */
    public String hostKeyAlgorithm() {
        return session().getNegotiatedKexParameter(KexProposalOption.SERVERKEYS);
    }

    ClientSession session() {
        return hops.get(hops.size() - 1).session();
    }

    /** Disconnects cleanly, last hop first, and destroys the keys held in memory. */
    @Override
    public void close() {
        SshConnector.closeAll(hops);
    }

    @Override
    public String toString() {
        return "SshSession[" + host.label() + ", hops=" + hops.size() + "]";
    }
}
