package dev.termvault.app.cli;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code termvault hosts add}: stores a new host. */
@Command(name = "add", description = "Add a host.")
final class HostsAddCommand implements Callable<Integer> {

    @Option(names = "--label", required = true, paramLabel = "L", description = "The name you pick the host by.")
    private String label;

    @Option(names = "--hostname", required = true, paramLabel = "H", description = "DNS name or address.")
    private String hostname;

    @Option(names = "--port", paramLabel = "P", defaultValue = "22", description = "SSH port (default: 22).")
    private int port;

    @Option(names = "--user", paramLabel = "U", description = "Login name (default: asked when connecting).")
    private String user;

    @Option(names = "--tag", paramLabel = "T", description = "A tag; repeat for more.")
    private List<String> tags = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    HostsAddCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        Host host;
        try {
            host = Host.of(label.strip(), hostname.strip(), port, user == null || user.isBlank() ? null : user.strip())
                    .withTags(tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage() + ".");
        }
        try (Vault vault = access.openUnlocked()) {
            if (HostLookup.byLabel(vault, host.label()).isPresent()) {
                throw CliException.notFound("A host labelled \"" + host.label() + "\" already exists."
                        + " Pick another label, or remove it first with: termvault hosts rm " + host.label());
            }
            VaultRecord record = vault.add(host);
            spec.commandLine().getOut().println("Added host " + host.label() + " (" + HostViews.target(host)
                    + "), id " + record.id() + ".");
        }
        return ExitCodes.OK;
    }
}
