package dev.termvault.app.core.credentials;

import dev.termvault.app.core.HostRef;
import java.util.List;

/**
 * A credential that was deleted.
 *
 * @param credential the credential as it was listed
 * @param unlinked   the hosts that used it and no longer refer to it
 */
public record CredentialDeletion(CredentialRow credential, List<HostRef> unlinked) {

    public CredentialDeletion {
        unlinked = List.copyOf(unlinked);
    }
}
