package dev.termvault.app.ssh;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

import javax.security.auth.DestroyFailedException;
import javax.security.auth.Destroyable;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.security.SecurityUtils;

import dev.termvault.vault.model.SshKey;

/**
 * The one key a host is configured with, parsed from the vault's openssh-key-v1 text and held only in
 * memory. It is the only identity offered to the server. {@link #close()} destroys the private key where
 * the key implementation supports it and drops the reference.
 */
final class VaultKeyIdentity implements KeyIdentityProvider, AutoCloseable {

    private final String name;
    private final List<KeyPair> keys;
    private final AuthAttempts attempts;

    private VaultKeyIdentity(String name, List<KeyPair> keys, AuthAttempts attempts) {
        this.name = name;
        this.keys = keys;
        this.attempts = attempts;
    }

    /** Parses the key; a passphrase-protected or malformed key is reported as unusable. */
    static VaultKeyIdentity of(SshKey key, AuthAttempts attempts) throws SshConnectionException {
        if (key.privateKey() == null || key.privateKey().isBlank()) {
            throw new SshConnectionException.MissingItem("The key \"" + key.name() + "\" has no private part.");
        }
        List<KeyPair> parsed = new ArrayList<>();
        byte[] text = key.privateKey().getBytes(StandardCharsets.UTF_8);
        try (var in = new ByteArrayInputStream(text)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(key.name()), in,
                    FilePasswordProvider.EMPTY);
            if (pairs != null) {
                pairs.forEach(parsed::add);
            }
        } catch (Exception e) {
            throw new SshConnectionException.MissingItem("The key \"" + key.name()
                    + "\" cannot be used: it is not an unencrypted OpenSSH or PEM private key.");
        } finally {
            java.util.Arrays.fill(text, (byte) 0);
        }
        if (parsed.isEmpty()) {
            throw new SshConnectionException.MissingItem("The key \"" + key.name() + "\" holds no private key.");
        }
        return new VaultKeyIdentity(key.name(), parsed, attempts);
    }

    @Override
    public Iterable<KeyPair> loadKeys(SessionContext session) {
        synchronized (keys) {
            if (!keys.isEmpty()) {
                attempts.tried("publickey (key \"" + name + "\")");
            }
            return List.copyOf(keys);
        }
    }

    /** The key pair, for the in-memory agent when a host forwards it. */
    List<KeyPair> keyPairs() {
        synchronized (keys) {
            return List.copyOf(keys);
        }
    }

    @Override
    public void close() {
        synchronized (keys) {
            for (KeyPair pair : keys) {
                if (pair.getPrivate() instanceof Destroyable destroyable && !destroyable.isDestroyed()) {
                    try {
                        destroyable.destroy();
                    } catch (DestroyFailedException e) {
                        // Most JDK key classes cannot erase themselves; dropping the reference is what remains.
                    }
                }
            }
            keys.clear();
        }
    }

    @Override
    public String toString() {
        return "VaultKeyIdentity[" + name + "]";
    }
}
