package dev.termvault.app.core.credentials;

import dev.termvault.app.core.HostRef;
import java.util.List;

/**
 * One credential shown in full, except its password (see {@link Credentials#reveal}).
 *
 * @param credential the row
 * @param hosts      the hosts that log in with it
 */
public record CredentialDetails(CredentialRow credential, List<HostRef> hosts) {

    public CredentialDetails {
        hosts = List.copyOf(hosts);
    }
}
