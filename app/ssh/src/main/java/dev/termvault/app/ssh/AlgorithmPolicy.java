package dev.termvault.app.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.BaseBuilder;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.mac.Mac;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The algorithms a client offers: MINA's secure defaults, minus the SHA-1 and DSA signature algorithms
 * (which MINA still lists last), plus exactly the legacy names a host record asks for.
 */
final class AlgorithmPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(AlgorithmPolicy.class);

    /** Signature algorithms left out unless a host asks for them by name. */
    static final Set<String> LEGACY_SIGNATURES = Set.of("ssh-rsa", "ssh-rsa-cert-v01@openssh.com", "ssh-dss",
            "ssh-dss-cert-v01@openssh.com");

    private AlgorithmPolicy() {
    }

    /**
     * Sets the client's algorithms.
     *
     * @param legacyNames      the host record's legacy algorithm names
     * @param recordedKeyTypes the key types on record for the host: their host-key algorithms are offered
     *                         first (OpenSSH does the same with known_hosts), so the server shows the pinned
     *                         key rather than another one it also has; empty keeps the default order
     */
    static void apply(SshClient client, List<String> legacyNames, List<String> recordedKeyTypes) {
        List<NamedFactory<Signature>> signatures = new ArrayList<>(
                ClientBuilder.setUpDefaultSignatureFactories(true).stream()
                        .filter(f -> !LEGACY_SIGNATURES.contains(f.getName())).toList());
        List<KeyExchangeFactory> kex = new ArrayList<>(ClientBuilder.setUpDefaultKeyExchanges(true));
        List<NamedFactory<Cipher>> ciphers = new ArrayList<>(BaseBuilder.setUpDefaultCiphers(true));
        List<NamedFactory<Mac>> macs = new ArrayList<>(BaseBuilder.setUpDefaultMacs(true));
        for (String name : legacyNames) {
            if (!addLegacy(name.strip(), signatures, kex, ciphers, macs)) {
                LOG.warn("Ignoring unknown or unsupported legacy algorithm \"{}\"", name);
            }
        }
        client.setSignatureFactories(recordedFirst(signatures, recordedKeyTypes));
        client.setKeyExchangeFactories(kex);
        client.setCipherFactories(ciphers);
        client.setMacFactories(macs);
    }

    /**
     * The signature (host-key) algorithms with those for the recorded key types first, in their default
     * order, then the others; nothing is added or removed. Certificate forms stay where they were: no host
     * certificate is ever on record.
     */
    static List<NamedFactory<Signature>> recordedFirst(List<NamedFactory<Signature>> signatures,
                                                      List<String> recordedKeyTypes) {
        List<NamedFactory<Signature>> first = new ArrayList<>();
        List<NamedFactory<Signature>> rest = new ArrayList<>();
        for (NamedFactory<Signature> factory : signatures) {
            String keyType = KeyUtils.getCanonicalKeyType(factory.getName());
            (recordedKeyTypes.contains(keyType) ? first : rest).add(factory);
        }
        first.addAll(rest);
        return first;
    }

    private static boolean addLegacy(String name, List<NamedFactory<Signature>> signatures,
                                     List<KeyExchangeFactory> kex, List<NamedFactory<Cipher>> ciphers,
                                     List<NamedFactory<Mac>> macs) {
        BuiltinSignatures signature = BuiltinSignatures.fromFactoryName(name);
        if (signature != null && signature.isSupported()) {
            addIfAbsent(signatures, signature);
            return true;
        }
        BuiltinDHFactories dh = BuiltinDHFactories.fromFactoryName(name);
        if (dh != null && dh.isSupported()) {
            if (kex.stream().noneMatch(k -> k.getName().equals(name))) {
                kex.add(ClientBuilder.DH2KEX.apply(dh));
            }
            return true;
        }
        BuiltinCiphers cipher = BuiltinCiphers.fromFactoryName(name);
        if (cipher != null && cipher.isSupported()) {
            addIfAbsent(ciphers, cipher);
            return true;
        }
        BuiltinMacs mac = BuiltinMacs.fromFactoryName(name);
        if (mac != null && mac.isSupported()) {
            addIfAbsent(macs, mac);
            return true;
        }
        return false;
    }

    private static <T> void addIfAbsent(List<NamedFactory<T>> list, NamedFactory<T> factory) {
        if (list.stream().noneMatch(f -> f.getName().equals(factory.getName()))) {
            list.add(factory);
        }
    }
}
