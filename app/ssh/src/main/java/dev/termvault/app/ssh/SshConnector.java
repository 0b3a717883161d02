package dev.termvault.app.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.sshd.common.util.net.SshdSocketAddress;

import dev.termvault.vault.model.Host;

/**
 * The connection engine: turns a vault {@link Host} into a logged-in {@link SshSession}, through its jump
 * hosts, with its forwards started. Each connection (and each hop of a chain) gets its own MINA client with
 * the engine's host-key check, the host's own key only, and prompts through {@link SshPrompt}.
 *
 * <pre>{@code
 * SshConnector engine = SshConnector.builder(directory, knownHosts, prompt).build();
 * try (SshSession session = engine.connect(host); Shell shell = session.openShell(80, 24)) { ... }
 * }</pre>
 */
public final class SshConnector {

    /** More hops than this is almost certainly a loop in the records. */
    public static final int MAX_JUMP_HOSTS = 8;

    private final HostDirectory directory;
    private final KnownHostStore knownHosts;
    private final SshPrompt prompt;
    private final HostKeyPolicy policy;
    private final Duration connectTimeout;
    private final Duration loginTimeout;

    private SshConnector(Builder b) {
        this.directory = b.directory;
        this.knownHosts = b.knownHosts;
        this.prompt = b.prompt;
        this.policy = b.policy;
        this.connectTimeout = b.connectTimeout;
        this.loginTimeout = b.loginTimeout;
    }

    public static Builder builder(HostDirectory directory, KnownHostStore knownHosts, SshPrompt prompt) {
        return new Builder(directory, knownHosts, prompt);
    }

    /** Settings for an engine; the defaults suit interactive use. */
    public static final class Builder {
        private final HostDirectory directory;
        private final KnownHostStore knownHosts;
        private final SshPrompt prompt;
        private HostKeyPolicy policy = HostKeyPolicy.ASK_ON_FIRST_USE;
        private Duration connectTimeout = Duration.ofSeconds(15);
        private Duration loginTimeout = Duration.ofMinutes(5);

        private Builder(HostDirectory directory, KnownHostStore knownHosts, SshPrompt prompt) {
            this.directory = Objects.requireNonNull(directory, "directory");
            this.knownHosts = Objects.requireNonNull(knownHosts, "knownHosts");
            this.prompt = Objects.requireNonNull(prompt, "prompt");
        }

        public Builder hostKeyPolicy(HostKeyPolicy policy) {
            this.policy = Objects.requireNonNull(policy);
            return this;
        }

        /** How long to wait for TCP and for the server's SSH greeting, per hop. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** How long key exchange and login may take once the server answered (prompts included). */
        public Builder loginTimeout(Duration timeout) {
            this.loginTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public SshConnector build() {
            return new SshConnector(this);
        }
    }

    /** Connects to the host through its jump hosts, logs in and starts its forwards. */
    public SshSession connect(Host target) throws SshConnectionException {
        List<Host> chain = chainFor(target);
        List<Hop> hops = new ArrayList<>();
        try {
            InetSocketAddress address = resolve(chain);
            for (int i = 0; i < chain.size(); i++) {
                Hop hop = Hop.prepare(chain.get(i), directory, knownHosts, prompt, policy);
                hops.add(hop);
                connectHop(hop, address, i, chain.size());
                if (i + 1 < chain.size()) {
                    address = tunnel(hop, chain.get(i + 1), i);
                }
            }
            Hop last = hops.get(hops.size() - 1);
            List<ForwardBinding> forwards = Forwards.start(last, target.forwards());
            return new SshSession(target, hops, forwards);
        } catch (SshConnectionException | RuntimeException e) {
            closeAll(hops);
            throw e;
        }
    }

    private void connectHop(Hop hop, InetSocketAddress address, int index, int chainLength)
            throws SshConnectionException {
        try {
            hop.connect(address, connectTimeout, loginTimeout);
        } catch (SshConnectionException e) {
            if (index + 1 < chainLength) {
                throw new SshConnectionException.JumpHostFailed(index + 1, hop.host.label(), e);
            }
            throw e;
        }
    }

    private static InetSocketAddress tunnel(Hop through, Host next, int index) throws SshConnectionException {
        try {
            SshdSocketAddress bound = through.session().startLocalPortForwarding(
                    new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress(next.hostname(), next.port()));
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), bound.getPort());
        } catch (IOException e) {
            throw new SshConnectionException.JumpHostFailed(index + 1, through.host.label(),
                    new SshConnectionException.ConnectionFailed("Could not open a tunnel to " + next.hostname()
                            + ":" + next.port() + ".", e));
        }
    }

    private List<Host> chainFor(Host target) throws SshConnectionException {
        if (target.jumpHosts().size() > MAX_JUMP_HOSTS) {
            throw new SshConnectionException.MissingItem("Host \"" + target.label() + "\" has more than "
                    + MAX_JUMP_HOSTS + " jump hosts.");
        }
        List<Host> chain = new ArrayList<>();
        for (String id : target.jumpHosts()) {
            chain.add(directory.host(id).orElseThrow(() -> new SshConnectionException.MissingItem(
                    "A jump host of \"" + target.label() + "\" is not in the vault.")));
        }
        chain.add(target);
        return chain;
    }

    private static InetSocketAddress resolve(List<Host> chain) throws SshConnectionException {
        Host first = chain.get(0);
        try {
            return new InetSocketAddress(InetAddress.getByName(first.hostname()), first.port());
        } catch (UnknownHostException e) {
            var unknown = new SshConnectionException.UnknownHost(first.hostname(), e);
            if (chain.size() > 1) {
                throw new SshConnectionException.JumpHostFailed(1, first.label(), unknown);
            }
            throw unknown;
        }
    }

    static void closeAll(List<Hop> hops) {
        for (int i = hops.size() - 1; i >= 0; i--) {
            hops.get(i).close();
        }
    }
}
