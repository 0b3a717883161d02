package dev.termvault.vault.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A host configuration: where to connect and how.
 *
 * @param label             the name a person picks the host by; unique within a vault by convention
 * @param hostname          DNS name or address
 * @param port              TCP port, 1..65535
 * @param username          login name, may be null (then the engine asks)
 * @param auth              how to authenticate
 * @param keyId             record id of the {@link SshKey} used when {@code auth} is KEY
 * @param credentialId      record id of the {@link Credential} used when {@code auth} is PASSWORD
 * @param jumpHosts         record ids of hosts to hop through, first hop first (ProxyJump)
 * @param forwards          port forwards started with the session
 * @param tags              free tags
 * @param groupId           record id of the {@link Group}, or null
 * @param notes             free text
 * @param keepAliveSeconds  keep-alive interval, 0 for none
 * @param environment       environment variables sent to the server
 * @param agentForwarding   forward the in-memory agent (off unless a host enables it)
 * @param legacyAlgorithms  extra algorithm names this host needs (ssh-rsa, old key exchanges); empty by default
 */
public record Host(
        String label,
        String hostname,
        int port,
        String username,
        AuthMethod auth,
        String keyId,
        String credentialId,
        List<String> jumpHosts,
        List<PortForward> forwards,
        List<String> tags,
        String groupId,
        String notes,
        int keepAliveSeconds,
        Map<String, String> environment,
        boolean agentForwarding,
        List<String> legacyAlgorithms) implements Item {

    public Host {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(hostname, "hostname");
        if (label.isBlank()) {
            throw new IllegalArgumentException("A host needs a label");
        }
        if (hostname.isBlank()) {
            throw new IllegalArgumentException("A host needs a hostname");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port must be between 1 and 65535, not " + port);
        }
        if (keepAliveSeconds < 0) {
            throw new IllegalArgumentException("Keep-alive must not be negative");
        }
        auth = auth == null ? AuthMethod.AUTO : auth;
        jumpHosts = jumpHosts == null ? List.of() : List.copyOf(jumpHosts);
        forwards = forwards == null ? List.of() : List.copyOf(forwards);
        tags = tags == null ? List.of() : List.copyOf(tags);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        legacyAlgorithms = legacyAlgorithms == null ? List.of() : List.copyOf(legacyAlgorithms);
    }

    /** A host with only the essentials set. */
    public static Host of(String label, String hostname, int port, String username) {
        return new Host(label, hostname, port, username, AuthMethod.AUTO, null, null, List.of(), List.of(),
                List.of(), null, null, 0, Map.of(), false, List.of());
    }

    public Host withTags(List<String> newTags) {
        return new Host(label, hostname, port, username, auth, keyId, credentialId, jumpHosts, forwards,
                newTags, groupId, notes, keepAliveSeconds, environment, agentForwarding, legacyAlgorithms);
    }

    @Override
    public ItemType itemType() {
        return ItemType.HOST;
    }

    @Override
    public String displayName() {
        return label;
    }
}
