package dev.termvault.app.ssh.openssh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.Item;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.KnownHost;
import dev.termvault.vault.model.SshKey;

/**
 * How imported records go into a vault, the same for the command line and the desktop app: hosts whose label
 * is already there and keys whose public key is already there are kept as they are (and reported); a new key
 * whose name is taken gets a number; known host keys already there are not added twice.
 */
public final class VaultImports {

    private VaultImports() {
    }

    /**
     * A sink that writes to {@code vault} but keeps hosts whose label and keys whose public key are already there,
     * noting each in {@code report}.
     */
    public static KeepingSink sinkKeeping(Vault vault, ImportReport report) {
        return new KeepingSink(vault, report);
    }

    /** A {@link RecordSink} into a vault that counts what it wrote and what it kept. */
    public static final class KeepingSink implements RecordSink<RuntimeException> {

        private final Vault vault;
        private final ImportReport report;
        private final Map<String, String> hostIds = new HashMap<>();
        private final Map<String, String> keyIds = new HashMap<>();
        private final Set<String> keyNames = new HashSet<>();
        private int hostsAdded;
        private int hostsKept;
        private int keysAdded;
        private int keysKept;

        private KeepingSink(Vault vault, ImportReport report) {
            this.vault = vault;
            this.report = report;
            for (VaultRecord record : vault.list(ItemType.HOST)) {
                hostIds.put(((Host) record.item()).label(), record.id());
            }
            for (VaultRecord record : vault.list(ItemType.SSH_KEY)) {
                SshKey key = (SshKey) record.item();
                keyIds.put(publicBlob(key), record.id());
                keyNames.add(key.name());
            }
        }

        @Override
        public String put(Item item) {
            if (item instanceof Host host && hostIds.containsKey(host.label())) {
                report.skipped("host " + host.label(), "a host with this label is already in the vault;"
                        + " it was left as it is");
                hostsKept++;
                return hostIds.get(host.label());
            }
            if (item instanceof SshKey key) {
                String existing = keyIds.get(publicBlob(key));
                if (existing != null) {
                    report.note("key " + key.name(), "already in the vault; the existing record is used");
                    keysKept++;
                    return existing;
                }
                String name = key.name();
                for (int n = 2; keyNames.contains(name); n++) {
                    name = key.name() + "-" + n;
                }
                keyNames.add(name);
                String id = vault.add(new SshKey(name, key.privateKey(), key.publicKey(), key.comment(),
                        key.keyType())).id();
                keyIds.put(publicBlob(key), id);
                keysAdded++;
                return id;
            }
            String id = vault.add(item).id();
            if (item instanceof Host host) {
                hostIds.put(host.label(), id);
                hostsAdded++;
            }
            return id;
        }

        /** Whether a host with this label is in the vault (so an import keeps it and adds nothing). */
        public boolean hasHost(String label) {
            return hostIds.containsKey(label);
        }

        /** Whether a key with this public key (type and blob) is in the vault. */
        public boolean hasKey(SshKey key) {
            return keyIds.containsKey(publicBlob(key));
        }

        public int hostsAdded() {
            return hostsAdded;
        }

        public int hostsKept() {
            return hostsKept;
        }

        public int keysAdded() {
            return keysAdded;
        }

        public int keysKept() {
            return keysKept;
        }
    }

    /**
     * The known host keys of {@code knownHosts} that are not in {@code vault} yet (nor earlier in the list), in
     * order.
     */
    public static List<KnownHost> newKnownHosts(Vault vault, List<KnownHost> knownHosts) {
        Set<String> present = new HashSet<>();
        for (VaultRecord record : vault.list(ItemType.KNOWN_HOST)) {
            present.add(identity((KnownHost) record.item()));
        }
        List<KnownHost> fresh = new ArrayList<>();
        for (KnownHost knownHost : knownHosts) {
            if (present.add(identity(knownHost))) {
                fresh.add(knownHost);
            }
        }
        return fresh;
    }

    private static String identity(KnownHost host) {
        return host.hostPattern() + " " + host.port() + " " + host.keyType() + " " + host.key() + " " + host.revoked();
    }

    private static String publicBlob(SshKey key) {
        return publicBlob(key.publicKey());
    }

    /** The key type and base64 blob of an OpenSSH public key line (the comment dropped), what keys are kept by. */
    public static String publicBlob(String publicKeyLine) {
        String[] fields = publicKeyLine == null ? new String[0] : publicKeyLine.strip().split("\\s+");
        return fields.length >= 2 ? fields[0] + " " + fields[1] : String.valueOf(publicKeyLine);
    }

    /** Whether {@code vault} holds a key with this public key line (type and blob). */
    public static boolean hasPublicKey(Vault vault, String publicKeyLine) {
        String blob = publicBlob(publicKeyLine);
        return vault.list(ItemType.SSH_KEY).stream().anyMatch(r -> publicBlob((SshKey) r.item()).equals(blob));
    }
}
