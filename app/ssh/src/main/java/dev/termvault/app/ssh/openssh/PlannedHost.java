package dev.termvault.app.ssh.openssh;

import java.nio.file.Path;
import java.util.List;

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
}
