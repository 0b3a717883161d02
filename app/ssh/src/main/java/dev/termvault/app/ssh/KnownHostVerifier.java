package dev.termvault.app.ssh;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.termvault.vault.model.KnownHost;

/**
 * Checks one hop's host key against the vault's KnownHost records under a {@link HostKeyPolicy}. It is
 * made for one logical host and port, so it works the same when the TCP connection goes through a jump
 * host's tunnel. It remembers why it refused a key, so the connector can say so.
 */
final class KnownHostVerifier implements ServerKeyVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(KnownHostVerifier.class);

    /** Why a key was refused. */
    enum Refusal { NONE, UNKNOWN_REQUIRED, DECLINED, CHANGED, REVOKED }

    private final String hostname;
    private final int port;
    private final KnownHostStore store;
    private final SshPrompt prompt;
    private final HostKeyPolicy policy;
    private volatile Refusal refusal = Refusal.NONE;
    private volatile String presentedFingerprint = "";
    private volatile boolean consulted;

    KnownHostVerifier(String hostname, int port, KnownHostStore store, SshPrompt prompt, HostKeyPolicy policy) {
        this.hostname = Objects.requireNonNull(hostname);
        this.port = port;
        this.store = Objects.requireNonNull(store);
        this.prompt = Objects.requireNonNull(prompt);
        this.policy = Objects.requireNonNull(policy);
    }

    /**
     * The key types of the non-revoked records for this host, in record order: the host-key algorithms to
     * offer first, as OpenSSH orders them by known_hosts.
     */
    List<String> recordedKeyTypes() {
        return store.find(hostname, port).stream().filter(r -> !r.revoked()).map(KnownHost::keyType)
                .distinct().toList();
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        consulted = true;
        String keyType = KeyUtils.getKeyType(serverKey);
        String fingerprint = KeyUtils.getFingerPrint(BuiltinDigests.sha256, serverKey);
        presentedFingerprint = fingerprint;
        List<KnownHost> records = store.find(hostname, port);
        for (KnownHost record : records) {
            if (record.revoked() && sameKey(record, serverKey)) {
                return refuse(Refusal.REVOKED, fingerprint);
            }
        }
        List<KnownHost> onRecord = new ArrayList<>();
        for (KnownHost record : records) {
            if (record.revoked()) {
                continue;
            }
            if (sameKey(record, serverKey)) {
                return true;
            }
            onRecord.add(record);
        }
        // Any key on record, of any type, makes a different key a changed one: a server showing another
        // key type than the one pinned is what a man in the middle without the real key would do.
        return onRecord.isEmpty()
                ? firstUse(keyType, fingerprint, serverKey)
                : changed(keyType, fingerprint, serverKey, onRecord);
    }

    private boolean firstUse(String keyType, String fingerprint, PublicKey serverKey) {
        if (policy == HostKeyPolicy.REQUIRE_KNOWN) {
            return refuse(Refusal.UNKNOWN_REQUIRED, fingerprint);
        }
        var question = new SshPrompt.HostKeyQuestion(hostname, port, keyType, fingerprint, List.of());
        if (!prompt.acceptNewHostKey(question)) {
            return refuse(Refusal.DECLINED, fingerprint);
        }
        store.add(record(keyType, serverKey));
        LOG.info("Accepted a new host key {}", fingerprint);
        return true;
    }

    private boolean changed(String keyType, String fingerprint, PublicKey serverKey, List<KnownHost> onRecord) {
        if (policy == HostKeyPolicy.REQUIRE_KNOWN) {
            return refuse(Refusal.CHANGED, fingerprint);
        }
        List<SshPrompt.RecordedKey> known = onRecord.stream()
                .map(r -> new SshPrompt.RecordedKey(r.keyType(), fingerprintOf(r))).toList();
        var question = new SshPrompt.HostKeyQuestion(hostname, port, keyType, fingerprint, known);
        if (!prompt.acceptChangedHostKey(question)) {
            return refuse(Refusal.CHANGED, fingerprint);
        }
        KnownHost accepted = record(keyType, serverKey);
        Optional<KnownHost> sameType = onRecord.stream().filter(r -> r.keyType().equals(keyType)).findFirst();
        if (sameType.isPresent()) {
            store.replace(sameType.get(), accepted);
        } else {
            store.add(accepted);
        }
        LOG.warn("Accepted a changed host key {} after the person accepted the warning", fingerprint);
        return true;
    }

    private boolean refuse(Refusal why, String fingerprint) {
        refusal = why;
        LOG.warn("Refused host key {}: {}", fingerprint, why);
        return false;
    }

    private KnownHost record(String keyType, PublicKey key) {
        String line = PublicKeyEntry.toString(key);
        String base64 = line.substring(line.indexOf(' ') + 1).strip();
        return new KnownHost(hostname, port, keyType, base64, Instant.now(), false);
    }

    static PublicKey publicKeyOf(KnownHost record) {
        try {
            return PublicKeyEntry.parsePublicKeyEntry(record.keyType() + " " + record.key())
                    .resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean sameKey(KnownHost record, PublicKey key) {
        PublicKey known = publicKeyOf(record);
        return known != null && KeyUtils.compareKeys(known, key);
    }

    private static String fingerprintOf(KnownHost record) {
        PublicKey key = publicKeyOf(record);
        return key == null ? "(unreadable record)" : KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    Refusal refusal() {
        return refusal;
    }

    String presentedFingerprint() {
        return presentedFingerprint;
    }

    /** True once the server got as far as presenting its key. */
    boolean consulted() {
        return consulted;
    }
}
