package dev.termvault.app.core.hosts;

import dev.termvault.vault.model.AuthMethod;
import java.util.List;
import java.util.Map;

/**
 * One host as both front ends show it: every field, with the records it points at resolved to their names and
 * its forwards written as ssh takes them ({@code -L 8080:localhost:80}). The CLI's {@code --json} writes these.
 *
 * @param id         the record id
 * @param revision   the record's revision
 * @param username   the login name, null when it is asked when connecting
 * @param key        the SSH key, null for none
 * @param credential the saved password, null for none (never the password itself)
 * @param jumpHosts  the hosts it jumps through, first hop first
 * @param group      its group, null for none
 */
public record HostView(String id, long revision, String label, String hostname, int port, String username,
                       AuthMethod auth, RecordRef key, RecordRef credential, List<RecordRef> jumpHosts,
                       List<String> forwards, List<String> tags, RecordRef group, String notes,
                       int keepAliveSeconds, boolean agentForwarding, Map<String, String> environment,
                       List<String> legacyAlgorithms) {

    /** {@code user@hostname:port}, the way a person reads a target ({@code hostname:port} without a user). */
    public String target() {
        return (username != null ? username + "@" : "") + hostname + ":" + port;
    }
}
