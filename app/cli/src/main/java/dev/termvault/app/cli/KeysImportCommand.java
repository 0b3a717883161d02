package dev.termvault.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.termvault.app.core.keys.KeyRow;
import dev.termvault.app.core.keys.Keys;
import dev.termvault.app.ssh.keys.SshKeyException;
import dev.termvault.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code termvault keys import FILE}: reads a private key file into the vault. */
@Command(name = "import", description = "Import a private key file (OpenSSH, PEM, PKCS#8 or PuTTY .ppk).")
final class KeysImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The private key file.")
    private Path file;

    @Option(names = "--name", paramLabel = "NAME", description = "The name you pick the key by (default: file name).")
    private String name;

    @Option(names = "--passphrase-env", paramLabel = "VAR",
            description = "Read the key file's passphrase from this environment variable instead of the terminal.")
    private String passphraseEnv;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;
    private final CliContext context;

    KeysImportCommand(VaultAccess access, CliContext context) {
        this.access = access;
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Vault vault = access.openUnlocked()) {
            KeyRow key = new Keys(vault).importFile(file, name, KeyCommands.prompt(context, passphraseEnv));
            spec.commandLine().getOut().println("Imported " + key.keyType() + " key " + key.name() + " from " + file
                    + ", id " + key.id() + ".");
        } catch (SshKeyException e) {
            throw KeyCommands.failure(e);
        }
        return ExitCodes.OK;
    }
}
