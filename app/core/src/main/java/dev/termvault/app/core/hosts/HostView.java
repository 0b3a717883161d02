package dev.termvault.app.core.hosts;

import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.PortForward;
import java.util.List;
import java.util.Map;

/**
 * One host as both front ends show it: every field of the record as stored (so scripts reading
 * {@code hosts list --json} keep the ids and forwards they had), then the records it points at by their current
 * names and its forwards written as ssh takes them. A name is null when no readable record has that id (deleted,
 * or not synced yet).
 *
 * @param id              the record id
 * @param revision        the record's revision
 * @param username        the login name, null when it is asked when connecting
 * @param keyId           the SSH key's record id, null for none
 * @param credentialId    the saved password's record id, null for none (never the password itself)
 * @param jumpHosts       the record ids of the hosts it jumps through, first hop first
 * @param groupId         its group's record id, null for none
 * @param keyName         the SSH key's name
 * @param credentialName  the credential's name
 * @param jumpHostLabels  the labels of the hosts it jumps through, in order
 * @param forwardSpecs    the forwards as ssh takes them ({@code -L 8080:localhost:80})
 * @param groupName       the group's name
 */
public record HostView(String id, long revision, String label, String hostname, int port, String username,
                       AuthMethod auth, String keyId, String credentialId, List<String> jumpHosts,
                       List<PortForward> forwards, List<String> tags, String groupId, String notes,
                       int keepAliveSeconds, Map<String, String> environment, boolean agentForwarding,
                       List<String> legacyAlgorithms, String keyName, String credentialName,
                       List<String> jumpHostLabels, List<String> forwardSpecs, String groupName) {

    /** {@code user@hostname:port}, the way a person reads a target ({@code hostname:port} without a user). */
    public String target() {
        return (username != null ? username + "@" : "") + hostname + ":" + port;
    }
}
