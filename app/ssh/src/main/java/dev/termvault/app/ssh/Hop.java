package dev.termvault.app.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.agent.local.LocalAgentFactory;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.UserAuthFactory;
import org.apache.sshd.client.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.client.auth.password.PasswordIdentityProvider;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;

import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.SshKey;

/**
 * One SSH connection of a chain: its own SshClient (so its own host-key verifier, key and prompts), the
 * session, and everything to wipe when it closes.
 */
final class Hop implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);

    final Host host;
    final String user;
    private final SshClient client;
    private final KnownHostVerifier verifier;
    private final AuthAttempts attempts;
    private final VaultKeyIdentity identity;
    private final PromptInteraction interaction;
    private ClientSession session;

    private Hop(Host host, String user, SshClient client, KnownHostVerifier verifier, AuthAttempts attempts,
                VaultKeyIdentity identity, PromptInteraction interaction) {
        this.host = host;
        this.user = user;
        this.client = client;
        this.verifier = verifier;
        this.attempts = attempts;
        this.identity = identity;
        this.interaction = interaction;
    }

    /** Builds the client for a host: only its own key, its own prompts, our host-key check. */
    static Hop prepare(Host host, HostDirectory directory, KnownHostStore store, SshPrompt prompt,
                       HostKeyPolicy policy) throws SshConnectionException {
        AuthAttempts attempts = new AuthAttempts();
        AuthMethod auth = host.auth();
        SshKey key = null;
        if (host.keyId() != null && (auth == AuthMethod.AUTO || auth == AuthMethod.KEY)) {
            key = directory.key(host.keyId()).orElseThrow(() -> new SshConnectionException.MissingItem(
                    "The key of host \"" + host.label() + "\" is not in the vault."));
        } else if (auth == AuthMethod.KEY) {
            throw new SshConnectionException.MissingItem("Host \"" + host.label() + "\" logs in with a key "
                    + "but has none set.");
        }
        Credential credential = null;
        if (host.credentialId() != null && auth != AuthMethod.KEY && auth != AuthMethod.KEYBOARD_INTERACTIVE) {
            credential = directory.credential(host.credentialId()).orElseThrow(
                    () -> new SshConnectionException.MissingItem(
                            "The credential of host \"" + host.label() + "\" is not in the vault."));
        }
        String user = userFor(host, credential);
        VaultKeyIdentity identity = key == null ? null : VaultKeyIdentity.of(key, attempts);
        char[] password = credential == null || credential.password() == null
                ? null : credential.password().toCharArray();
        boolean passwordAllowed = auth == AuthMethod.PASSWORD || auth == AuthMethod.AUTO;
        boolean keyboardAllowed = auth == AuthMethod.KEYBOARD_INTERACTIVE || auth == AuthMethod.AUTO;
        var interaction = new PromptInteraction(host.hostname(), user, prompt, attempts, password,
                passwordAllowed, keyboardAllowed);
        var verifier = new KnownHostVerifier(host.hostname(), host.port(), store, prompt, policy);
        SshClient client = buildClient(host, identity, interaction, verifier, passwordAllowed, keyboardAllowed);
        return new Hop(host, user, client, verifier, attempts, identity, interaction);
    }

    private static String userFor(Host host, Credential credential) {
        if (host.username() != null && !host.username().isBlank()) {
            return host.username();
        }
        if (credential != null && credential.username() != null && !credential.username().isBlank()) {
            return credential.username();
        }
        return System.getProperty("user.name");
    }

    private static SshClient buildClient(Host host, VaultKeyIdentity identity, PromptInteraction interaction,
                                         KnownHostVerifier verifier, boolean password, boolean keyboard) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(verifier);
        // MINA's defaults read ~/.ssh/config and its identities: nothing from ~/.ssh is used here.
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(identity == null ? KeyIdentityProvider.EMPTY_KEYS_PROVIDER : identity);
        client.setFilePasswordProvider(FilePasswordProvider.EMPTY);
        client.setPasswordIdentityProvider(PasswordIdentityProvider.EMPTY_PASSWORDS_PROVIDER);
        client.setUserInteraction(interaction);
        client.setUserAuthFactories(authMethods(identity != null, keyboard, password));
        client.setAgentFactory(host.agentForwarding() && identity != null ? inMemoryAgent(host, identity) : null);
        client.setForwardingFilter(new SessionForwardingFilter(host.agentForwarding()));
        AlgorithmPolicy.apply(client, host.legacyAlgorithms(), verifier.recordedKeyTypes());
        if (host.keepAliveSeconds() > 0) {
            Duration interval = Duration.ofSeconds(host.keepAliveSeconds());
            CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, interval);
            CoreModuleProperties.HEARTBEAT_REQUEST.set(client, "keepalive@openssh.com");
            CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(client, interval);
            CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, 3);
        }
        return client;
    }

    private static List<UserAuthFactory> authMethods(boolean key, boolean keyboard, boolean password) {
        List<UserAuthFactory> methods = new ArrayList<>();
        if (key) {
            methods.add(UserAuthPublicKeyFactory.INSTANCE);
        }
        if (keyboard) {
            methods.add(UserAuthKeyboardInteractiveFactory.INSTANCE);
        }
        if (password) {
            methods.add(UserAuthPasswordFactory.INSTANCE);
        }
        return methods;
    }

    /** An agent living in this process that holds only the host's own key: what agent forwarding exposes. */
    private static LocalAgentFactory inMemoryAgent(Host host, VaultKeyIdentity identity) {
        LocalAgentFactory agent = new LocalAgentFactory();
        for (var pair : identity.keyPairs()) {
            try {
                agent.getAgent().addIdentity(pair, host.label());
            } catch (IOException e) {
                throw new IllegalStateException("The in-memory agent refused the key", e);
            }
        }
        return agent;
    }

    /**
     * Connects and logs in.
     *
     * @param address where the TCP connection goes: the host itself, or a jump tunnel's local end
     */
    void connect(InetSocketAddress address, Duration connectTimeout, Duration loginTimeout)
            throws SshConnectionException {
        String endpoint = endpoint();
        client.start();
        try {
            ConnectFuture connecting = client.connect(user, address, null, null);
            if (!connecting.await(connectTimeout)) {
                connecting.cancel();
                throw new SshConnectionException.TimedOut(endpoint, "connecting to", null);
            }
            if (connecting.getException() != null) {
                throw ConnectFailures.translate(connecting.getException(), this, false);
            }
            session = connecting.getSession();
            awaitLogin(session.auth(), connectTimeout, loginTimeout);
        } catch (IOException e) {
            throw ConnectFailures.translate(e, this, false);
        }
    }

    private void awaitLogin(AuthFuture auth, Duration connectTimeout, Duration loginTimeout)
            throws IOException, SshConnectionException {
        long start = System.nanoTime();
        while (!auth.await(POLL)) {
            long elapsed = System.nanoTime() - start;
            boolean greeted = session.getServerVersion() != null;
            if (!greeted && elapsed > connectTimeout.toNanos()) {
                session.close(true);
                throw new SshConnectionException.TimedOut(endpoint(), "waiting for the SSH greeting from", null);
            }
            if (elapsed > loginTimeout.toNanos()) {
                session.close(true);
                throw new SshConnectionException.TimedOut(endpoint(), "logging in to", null);
            }
        }
        if (!auth.isSuccess()) {
            throw ConnectFailures.translate(auth.getException(), this, true);
        }
    }

    ClientSession session() {
        return session;
    }

    KnownHostVerifier verifier() {
        return verifier;
    }

    List<String> methodsTried() {
        return attempts.list();
    }

    String endpoint() {
        return host.port() == 22 ? host.hostname() : host.hostname() + ":" + host.port();
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                session.close(false).await(Duration.ofSeconds(5));
            }
        } catch (IOException e) {
            // closing anyway
        } finally {
            client.stop();
            interaction.wipe();
            if (identity != null) {
                identity.close();
            }
        }
    }
}
