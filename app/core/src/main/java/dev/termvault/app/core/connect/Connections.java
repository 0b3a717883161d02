package dev.termvault.app.core.connect;

import dev.termvault.app.core.RecordLookup;
import dev.termvault.app.ssh.HostKeyPolicy;
import dev.termvault.app.ssh.SshConnector;
import dev.termvault.app.ssh.SshPrompt;
import dev.termvault.app.ssh.VaultHostDirectory;
import dev.termvault.app.ssh.VaultKnownHostStore;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import java.time.Duration;
import java.util.Objects;

/**
 * How every front end connects to a vault host, built one way: the host's records (its key, its credential, its
 * jump hosts) come from the vault, host keys are checked against the vault's known hosts, and every question
 * (a new or changed host key, a password the vault does not hold) goes to the front end's {@link SshPrompt}.
 * {@code connect}, a terminal tab and a snippet run all get their engine here.
 */
public final class Connections {

    /**
     * How strictly host keys are checked and how long to wait.
     *
     * @param hostKeyPolicy  ask about a host key seen for the first time, or refuse hosts not already known
     * @param connectTimeout how long to wait for each hop to answer
     */
    public record Settings(HostKeyPolicy hostKeyPolicy, Duration connectTimeout) {

        /** The engine's defaults: ask on first use, 15 seconds per hop. */
        public static final Settings INTERACTIVE = new Settings(HostKeyPolicy.ASK_ON_FIRST_USE, Duration.ofSeconds(15));

        public Settings {
            Objects.requireNonNull(hostKeyPolicy, "hostKeyPolicy");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
        }
    }

    private final Vault vault;

    public Connections(Vault vault) {
        this.vault = vault;
    }

    /** An engine over this vault with the default settings. */
    public SshConnector engine(SshPrompt prompt) {
        return engine(prompt, Settings.INTERACTIVE);
    }

    /** An engine over this vault: vault records, vault known hosts, the caller's prompt. */
    public SshConnector engine(SshPrompt prompt, Settings settings) {
        return SshConnector.builder(new VaultHostDirectory(vault), new VaultKnownHostStore(vault), prompt)
                .hostKeyPolicy(settings.hostKeyPolicy())
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    /** The host a person names (label, or record id or a prefix of it), resolved as everywhere else. */
    public Host host(String reference) {
        return (Host) hostRecord(reference).item();
    }

    /** The record of the host a person names. */
    public VaultRecord hostRecord(String reference) {
        return RecordLookup.require(vault, ItemType.HOST, "host", reference, r -> ((Host) r.item()).label());
    }
}
