package dev.termvault.app.core.imports;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.KnownHost;
import dev.termvault.vault.model.SshKey;

/**
 * What an import compares with: the host labels, key public keys, key names and known host keys of a vault, taken
 * once, and kept up to date with what the import writes. A host is the same when its label is; a key when its public
 * key (type and blob) is; a known host key when pattern, port, type, key and revocation are.
 */
final class VaultContents {

    private final Map<String, String> hostIds = new HashMap<>();
    private final Map<String, String> keyIds = new HashMap<>();
    private final Set<String> keyNames = new HashSet<>();
    private final Set<String> knownHosts = new HashSet<>();

    private VaultContents() {
    }

    /** Nothing: what an import into a new vault compares with. */
    static VaultContents empty() {
        return new VaultContents();
    }

    static VaultContents of(Vault vault) {
        VaultContents contents = new VaultContents();
        for (VaultRecord record : vault.list(ItemType.HOST)) {
            contents.hostIds.put(((Host) record.item()).label(), record.id());
        }
        for (VaultRecord record : vault.list(ItemType.SSH_KEY)) {
            SshKey key = (SshKey) record.item();
            contents.keyIds.put(publicBlob(key.publicKey()), record.id());
            contents.keyNames.add(key.name());
        }
        for (VaultRecord record : vault.list(ItemType.KNOWN_HOST)) {
            contents.knownHosts.add(identity((KnownHost) record.item()));
        }
        return contents;
    }

    /** The record id of the host labelled {@code label}, or null. */
    String hostId(String label) {
        return hostIds.get(label);
    }

    /** The record id of the key with this public key line (the comment does not count), or null. */
    String keyId(String publicKeyLine) {
        return publicKeyLine == null ? null : keyIds.get(publicBlob(publicKeyLine));
    }

    boolean hasKnownHost(KnownHost knownHost) {
        return knownHosts.contains(identity(knownHost));
    }

    /** {@code name}, or {@code name-2}, {@code name-3}... the first no key has. */
    String freeKeyName(String name) {
        String free = name;
        for (int n = 2; keyNames.contains(free); n++) {
            free = name + "-" + n;
        }
        return free;
    }

    void addHost(String label, String id) {
        hostIds.put(label, id);
    }

    void addKey(SshKey key, String id) {
        keyIds.put(publicBlob(key.publicKey()), id);
        keyNames.add(key.name());
    }

    /** Adds a known host key; false when it was there already. */
    boolean addKnownHost(KnownHost knownHost) {
        return knownHosts.add(identity(knownHost));
    }

    private static String identity(KnownHost host) {
        return host.hostPattern() + " " + host.port() + " " + host.keyType() + " " + host.key() + " " + host.revoked();
    }

    /** The key type and base64 blob of an OpenSSH public key line (the comment dropped). */
    static String publicBlob(String publicKeyLine) {
        String[] fields = publicKeyLine == null ? new String[0] : publicKeyLine.strip().split("\\s+");
        return fields.length >= 2 ? fields[0] + " " + fields[1] : String.valueOf(publicKeyLine);
    }
}
