package dev.termvault.app.cli;

import java.time.Duration;

import dev.termvault.app.core.connect.Connections;
import dev.termvault.app.ssh.HostKeyPolicy;
import picocli.CommandLine.Option;

/** The options of every command that connects to hosts ({@code connect}, {@code snippets run}). */
final class ConnectionOptions {

    @Option(names = "--known-hosts-only",
            description = "Refuse hosts whose key is not already in the vault instead of asking.")
    private boolean knownHostsOnly;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "How long to wait for each host to answer (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    Connections.Settings settings() {
        return new Connections.Settings(knownHostsOnly ? HostKeyPolicy.REQUIRE_KNOWN : HostKeyPolicy.ASK_ON_FIRST_USE,
                Duration.ofSeconds(timeoutSeconds));
    }
}
