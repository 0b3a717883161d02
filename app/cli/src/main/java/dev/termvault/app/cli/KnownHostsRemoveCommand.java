package dev.termvault.app.cli;

import dev.termvault.app.core.knownhosts.KnownHostRow;
import dev.termvault.app.core.knownhosts.KnownHosts;
import dev.termvault.vault.Vault;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code termvault known-hosts rm PATTERN}: forgets the keys accepted for a host, as {@code ssh-keygen -R}. */
@Command(name = "rm", description = "Remove the accepted keys of a host; the next connection there asks again.")
final class KnownHostsRemoveCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATTERN",
            description = "The host as listed: name (port 22) or [name]:port; a hashed entry matches its name too.")
    private String pattern;

    @Option(names = "--type", paramLabel = "T",
            description = "Only keys of this type (ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa, or ED25519, RSA...).")
    private String keyType;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    KnownHostsRemoveCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openUnlocked()) {
            List<KnownHostRow> removed = new KnownHosts(vault).remove(pattern, keyType);
            PrintWriter out = spec.commandLine().getOut();
            for (KnownHostRow row : removed) {
                out.println("Removed the " + row.typeLabel() + " key of " + row.hostAndPort() + " ("
                        + row.fingerprint() + ").");
            }
            out.println("The next connection there shows the host's key and asks whether to trust it.");
        }
        return ExitCodes.OK;
    }
}
