package dev.termvault.app.cli;

import dev.termvault.app.core.hosts.HostDraft;
import dev.termvault.app.core.hosts.Hosts;
import dev.termvault.app.core.hosts.SavedHost;
import dev.termvault.vault.Vault;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    private HostOptions fields;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;
    private final CliContext context;

    HostsAddCommand(VaultAccess access, CliContext context) {
        this.access = access;
        this.context = context;
    }

    @Override
    public Integer call() {
        HostDraft draft = new HostDraft(label, hostname, fields.port == null ? "22" : fields.port.toString(),
                fields.user, fields.auth, fields.key, fields.credential, fields.jumps, fields.forwards, fields.tags,
                fields.group, fields.notes);
        draft.requireWellFormed(fields.password);
        try (Vault vault = access.openUnlocked()) {
            Hosts hosts = new Hosts(vault);
            hosts.requireValid(draft, null, fields.password);
            SavedHost saved = HostPasswords.save(context, draft.label(), fields.password,
                    password -> hosts.add(draft, password));
            spec.commandLine().getOut().println("Added host " + draft.label().strip() + " ("
                    + hosts.view(saved.record()).target() + "), id " + saved.record().id() + ".");
            HostPasswords.describe(saved, spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }
}
