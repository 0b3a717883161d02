package dev.termvault.app.core.snippets;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.core.connect.Connections;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a snippet runs on several hosts.
 *
 * @param connection     host-key policy and connect timeout, as for {@code connect}
 * @param commandTimeout how long the command may run on each host
 * @param parallelism    how many hosts run at once, 1 (one after another) to {@link #MAX_PARALLELISM}
 */
public record RunSettings(Connections.Settings connection, Duration commandTimeout, int parallelism) {

    /** More hosts at once than this is refused: a snippet run is not a fleet tool. */
    public static final int MAX_PARALLELISM = 8;

    /** One host after another, asking about new host keys, ten minutes per command. */
    public static final RunSettings SEQUENTIAL = new RunSettings(Connections.Settings.INTERACTIVE,
            Duration.ofMinutes(10), 1);

    public RunSettings {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            String message = "Hosts at once must be 1 to " + MAX_PARALLELISM + ", not " + parallelism + ".";
            throw new CoreException.Invalid(message, Map.of("parallelism", message));
        }
    }
}
