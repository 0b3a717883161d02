package dev.termvault.app.ssh.openssh;

import java.nio.file.Path;
import java.util.List;

import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Host;

/**
 * A host an import will create. Links to other records are by label and key file until the records exist.
 *
 * @param host       the host record without its key id and jump host ids
 * @param keyFile    the key file whose record becomes the host's key, or null
 * @param jumpLabels labels of the planned hosts to hop through, first hop first
 * @param resolved   the ssh_config values the host was made from
 */
public record PlannedHost(Host host, Path keyFile, List<String> jumpLabels, ResolvedHost resolved) {

    public PlannedHost {
        jumpLabels = List.copyOf(jumpLabels);
    }

    public String label() {
        return host.label();
    }

    /**
     * The host record as it is written: linked to its key record and its jump host records by record id. Without a
     * key record the host authenticates as it can ({@link AuthMethod#AUTO}).
     *
     * @param keyId   the record id of the key read from {@link #keyFile()}, or null
     * @param jumpIds the record ids of {@link #jumpLabels()}, in the same order
     */
    public Host linked(String keyId, List<String> jumpIds) {
        Host h = host;
        AuthMethod auth = keyId == null ? AuthMethod.AUTO : h.auth();
        return new Host(h.label(), h.hostname(), h.port(), h.username(), auth, keyId, h.credentialId(), jumpIds,
                h.forwards(), h.tags(), h.groupId(), h.notes(), h.keepAliveSeconds(), h.environment(),
                h.agentForwarding(), h.legacyAlgorithms());
    }
}
