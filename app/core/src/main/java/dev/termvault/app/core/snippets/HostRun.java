package dev.termvault.app.core.snippets;

/**
 * What running a snippet did on one host.
 *
 * @param hostId     the host's record id
 * @param host       the host's label
 * @param outcome    whether the command ran, could not run, or was not started
 * @param exitStatus the command's exit status when it ran (-1 when the server sent none), else null
 * @param stdout     its standard output (empty when it did not run)
 * @param stderr     its standard error (empty when it did not run)
 * @param failure    why it did not run (connection refused, host key refused...), else null
 */
public record HostRun(String hostId, String host, Outcome outcome, Integer exitStatus, String stdout, String stderr,
                      String failure) {

    /** How a host's run ended. */
    public enum Outcome {
        /** The command ran to its end; see the exit status. */
        EXITED,
        /** Connecting or running failed; see the failure. */
        FAILED,
        /** The run was cancelled before this host was started. */
        CANCELLED
    }

    static HostRun exited(String hostId, String host, int exitStatus, String stdout, String stderr) {
        return new HostRun(hostId, host, Outcome.EXITED, exitStatus, stdout, stderr, null);
    }

    static HostRun failed(String hostId, String host, String failure) {
        return new HostRun(hostId, host, Outcome.FAILED, null, "", "", failure);
    }

    static HostRun cancelled(String hostId, String host) {
        return new HostRun(hostId, host, Outcome.CANCELLED, null, "", "", null);
    }

    /** Whether the command ran and exited with 0. */
    public boolean succeeded() {
        return outcome == Outcome.EXITED && exitStatus == 0;
    }
}
