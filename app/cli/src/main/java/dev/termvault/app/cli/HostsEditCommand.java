package dev.termvault.app.cli;

import dev.termvault.app.core.hosts.HostDraft;
import dev.termvault.app.core.hosts.Hosts;
import dev.termvault.app.core.hosts.SavedHost;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code termvault hosts edit LABEL}: changes the fields given and keeps the others. {@code --jump},
 * {@code --forward} and {@code --tag} replace the chain, the forwards and the tags; the {@code --no-...} options
 * clear a field.
 */
@Command(name = "edit", description = "Change a host: only the fields given change.")
final class HostsEditCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LABEL", description = "The host's label (or record id).")
    private String reference;

    @Option(names = "--label", paramLabel = "L", description = "A new label.")
    private String label;

    @Option(names = "--hostname", paramLabel = "H", description = "A new DNS name or address.")
    private String hostname;

    @Mixin
    private HostOptions fields;

    @Option(names = "--no-key", description = "Log in without a key of its own.")
    private boolean noKey;

    @Option(names = "--no-credential", description = "Log in without a saved password.")
    private boolean noCredential;

    @Option(names = "--no-jump", description = "Connect directly, through no jump host.")
    private boolean noJump;

    @Option(names = "--no-forwards", description = "Start no port forwards.")
    private boolean noForwards;

    @Option(names = "--no-tags", description = "Remove every tag.")
    private boolean noTags;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;
    private final CliContext context;

    HostsEditCommand(VaultAccess access, CliContext context) {
        this.access = access;
        this.context = context;
    }

    @Override
    public Integer call() {
        refuseBoth(noKey, fields.key, "--key", "--no-key");
        refuseBoth(noCredential, fields.credential, "--credential", "--no-credential");
        refuseBoth(noCredential, fields.password ? "" : null, "--password", "--no-credential");
        refuseBoth(noJump, fields.jumps, "--jump", "--no-jump");
        refuseBoth(noForwards, fields.forwards, "--forward", "--no-forwards");
        refuseBoth(noTags, fields.tags, "--tag", "--no-tags");
        try (Vault vault = access.openUnlocked()) {
            Hosts hosts = new Hosts(vault);
            VaultRecord record = hosts.require(reference);
            HostDraft draft = changed(hosts.draftOf(record));
            hosts.requireValid(draft, record.id(), fields.password);
            SavedHost saved = HostPasswords.save(context, draft.label(), fields.password,
                    password -> hosts.edit(record.id(), draft, password));
            spec.commandLine().getOut().println("Saved host " + draft.label().strip() + " ("
                    + hosts.view(saved.record()).target() + ").");
            HostPasswords.describe(saved, spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }

    /** The host's draft with the options given applied; a new password replaces the saved one. */
    private HostDraft changed(HostDraft d) {
        return new HostDraft(pick(label, d.label()), pick(hostname, d.hostname()),
                fields.port == null ? d.port() : fields.port.toString(), pick(fields.user, d.user()),
                fields.auth == null ? d.auth() : fields.auth, noKey ? null : pick(fields.key, d.key()),
                noCredential || fields.password ? fields.credential : pick(fields.credential, d.credential()),
                noJump ? List.of() : pick(fields.jumps, d.jumpHosts()),
                noForwards ? List.of() : pick(fields.forwards, d.forwards()),
                noTags ? List.of() : pick(fields.tags, d.tags()), pick(fields.group, d.group()),
                pick(fields.notes, d.notes()));
    }

    private static <T> T pick(T given, T current) {
        return given != null ? given : current;
    }

    private static void refuseBoth(boolean clear, Object given, String option, String clearOption) {
        if (clear && given != null) {
            throw CliException.usage(option + " and " + clearOption + " cannot be given together.");
        }
    }
}
