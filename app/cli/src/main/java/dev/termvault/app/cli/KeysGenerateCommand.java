package dev.termvault.app.cli;

import java.util.concurrent.Callable;

import dev.termvault.app.core.keys.KeyRow;
import dev.termvault.app.core.keys.Keys;
import dev.termvault.vault.Vault;
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
        var algorithm = Keys.algorithm(type);
        try (Vault vault = access.openUnlocked()) {
            KeyRow key = new Keys(vault).generate(algorithm, bits, name, comment);
            spec.commandLine().getOut().println("Generated " + key.keyType() + " key " + key.name() + ", id "
                    + key.id() + ".");
            spec.commandLine().getOut().println(key.publicKey());
        }
        return ExitCodes.OK;
    }
}
