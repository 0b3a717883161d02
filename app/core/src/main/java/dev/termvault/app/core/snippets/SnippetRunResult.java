package dev.termvault.app.core.snippets;

import java.util.List;

/**
 * What running a snippet on several hosts did, one entry per host in the order they were named.
 *
 * @param snippetId the snippet's record id
 * @param snippet   the snippet's name
 * @param hosts     one result per host
 */
public record SnippetRunResult(String snippetId, String snippet, List<HostRun> hosts) {

    public SnippetRunResult {
        hosts = List.copyOf(hosts);
    }

    /** Whether the command ran and exited with 0 on every host. */
    public boolean allSucceeded() {
        return hosts.stream().allMatch(HostRun::succeeded);
    }

    /** How many hosts ended each way: exited 0, exited otherwise, failed, cancelled. */
    public long count(HostRun.Outcome outcome) {
        return hosts.stream().filter(h -> h.outcome() == outcome).count();
    }
}
