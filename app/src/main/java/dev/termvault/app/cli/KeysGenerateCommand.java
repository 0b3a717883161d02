package dev.termvault.app.cli;

import java.util.concurrent.Callable;

import dev.termvault.app.ssh.keys.KeyAlgorithm;
import dev.termvault.app.ssh.keys.KeyGeneration;
import dev.termvault.app.ssh.keys.KeyMaterial;
import dev.termvault.app.ssh.keys.SshKeyException;
import dev.termvault.app.ssh.keys.SshKeyRecords;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.SshKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code termvault keys generate}: makes a key pair and stores it in the vault. */
@Command(name = "generate", description = "Make a new key pair and store it in the vault.")
final class KeysGenerateCommand implements Callable<Integer> {

    @Option(names = "--type", required = true, paramLabel = "T", description = "ed25519, ecdsa or rsa.")
    private String type;

    @Option(names = "--bits", paramLabel = "N", defaultValue = "0",
            description = "Size: ecdsa 256/384/521, rsa 3072/4096 (default: 256 for ecdsa, 3072 for rsa).")
    private int bits;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The name you pick the key by.")
    private String name;

    @Option(names = "--comment", paramLabel = "C", description = "The key comment (default: the name).")
    private String comment;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    KeysGenerateCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        SshKey record;
        try {
            KeyMaterial key = KeyGeneration.generate(KeyAlgorithm.parse(type), bits, comment == null ? name : comment);
            record = SshKeyRecords.toRecord(name.strip(), key);
            key.destroy();
        } catch (SshKeyException e) {
            throw KeyCommands.failure(e);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage() + ".");
        }
        try (Vault vault = access.openUnlocked()) {
            KeyCommands.requireFreeName(vault, record.name());
            VaultRecord stored = vault.add(record);
            spec.commandLine().getOut().println("Generated " + record.keyType() + " key " + record.name() + ", id "
                    + stored.id() + ".");
            spec.commandLine().getOut().println(record.publicKey());
        }
        return ExitCodes.OK;
    }
}
