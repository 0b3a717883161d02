package dev.termvault.vault.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A host key a person has accepted (or revoked).
 *
 * @param hostPattern host name, address or OpenSSH pattern; a hashed {@code |1|salt|hash} entry as read
 * @param port        port, 22 by default
 * @param keyType     SSH key type name
 * @param key         the public key, base64 as in known_hosts
 * @param firstSeen   when the key was first accepted
 * @param revoked     a revoked key is always refused (OpenSSH {@code @revoked})
 */
public record KnownHost(String hostPattern, int port, String keyType, String key, Instant firstSeen,
                        boolean revoked) implements Item {

    public KnownHost {
        Objects.requireNonNull(hostPattern, "hostPattern");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public ItemType itemType() {
        return ItemType.KNOWN_HOST;
    }

    @Override
    public String displayName() {
        return port == 22 ? hostPattern : "[" + hostPattern + "]:" + port;
    }
}
