package dev.termvault.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.termvault.app.core.keys.KeyRow;
import dev.termvault.app.core.keys.Keys;
import dev.termvault.app.core.keys.PrivateKeyExport;
import dev.termvault.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code termvault keys export NAME}: the public key line on stdout; with {@code --private --out FILE} the
 * private key in OpenSSH format under a new passphrase, to a file only you can read, once you confirmed.
 */
@Command(name = "export", description = {"Print a key's public half, or with --private write its private half.",
    "The private key is written in OpenSSH format, protected by a new passphrase you type twice, to a file only"
        + " you can read. It needs --yes-i-understand or a yes on the terminal."})
final class KeysExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The key's name (or record id).")
    private String name;

    @Option(names = "--private", description = "Export the private key (needs --out).")
    private boolean exportPrivate;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the private key.")
    private Path out;

    @Option(names = "--yes-i-understand",
            description = "Confirm that the file can log in wherever the key is trusted, guarded by its passphrase.")
    private boolean understood;

    @Option(names = "--overwrite", description = "Replace FILE if it exists.")
    private boolean overwrite;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;
    private final CliContext context;

    KeysExportCommand(VaultAccess access, CliContext context) {
        this.access = access;
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (!exportPrivate) {
            if (out != null) {
                throw CliException.usage("--out is for --private; the public key prints to stdout.");
            }
            try (Vault vault = access.openUnlocked()) {
                spec.commandLine().getOut().println(new Keys(vault).exportPublic(name));
            }
            return ExitCodes.OK;
        }
        if (out == null) {
            throw CliException.usage("--private needs --out FILE: a private key is never printed.");
        }
        try (Vault vault = access.openUnlocked()) {
            Keys keys = new Keys(vault);
            KeyRow key = keys.get(name);
            PrivateKeyExport export = new PrivateKeyExport(out, understood || confirm(key), overwrite);
            keys.checkExport(key.id(), export);
            char[] passphrase = TypedSecrets.askTwice(context, "New passphrase for the exported key: ",
                    "the new passphrase");
            try {
                keys.exportPrivate(key.id(), passphrase, export);
            } finally {
                VaultAccess.wipe(passphrase);
            }
            spec.commandLine().getOut().println("Wrote the private key " + key.name() + " to " + out
                    + " (readable only by you, protected by the passphrase).");
        }
        return ExitCodes.OK;
    }

    private boolean confirm(KeyRow key) {
        return TerminalConfirmation.ask(spec.commandLine().getErr(), "Export the private key " + key.name()
                + " to " + out + "? " + PrivateKeyExport.WARNING + " [y/N] ", "y", "yes");
    }
}
