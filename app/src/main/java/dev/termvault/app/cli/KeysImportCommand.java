package dev.termvault.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.termvault.app.ssh.keys.KeyFileReader;
import dev.termvault.app.ssh.keys.KeyMaterial;
import dev.termvault.app.ssh.keys.SshKeyException;
import dev.termvault.app.ssh.keys.SshKeyRecords;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.SshKey;
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
        if (!Files.isRegularFile(file)) {
            throw CliException.notFound("There is no file " + file + ".");
        }
        String keyName = name != null ? name.strip() : file.getFileName().toString();
        SshKey record;
        try {
            KeyMaterial key = KeyFileReader.read(file, KeyCommands.prompt(context, passphraseEnv));
            record = SshKeyRecords.toRecord(keyName, key);
            key.destroy();
        } catch (SshKeyException e) {
            throw KeyCommands.failure(e);
        } catch (IOException e) {
            throw CliException.failed("The file " + file + " could not be read.");
        }
        try (Vault vault = access.openUnlocked()) {
            KeyCommands.requireFreeName(vault, keyName);
            VaultRecord stored = vault.add(record);
            spec.commandLine().getOut().println("Imported " + record.keyType() + " key " + keyName + " from " + file
                    + ", id " + stored.id() + ".");
        }
        return ExitCodes.OK;
    }
}
