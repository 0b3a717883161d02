package dev.termvault.app.cli;

import java.nio.CharBuffer;

import dev.termvault.app.ssh.keys.PassphrasePrompt;
import dev.termvault.app.ssh.keys.SshKeyException;

/** What the key and import commands share: asking for key file passphrases, mapping key file errors. */
final class KeyCommands {

    private KeyCommands() {
    }

    /**
     * Key file passphrases: from the variable named by {@code passphraseEnv} when given, else asked on the
     * terminal for each encrypted file.
     */
    static PassphrasePrompt prompt(CliContext context, String passphraseEnv) {
        if (passphraseEnv != null) {
            String value = context.environment().get(passphraseEnv);
            if (value == null) {
                throw CliException.usage("The environment variable " + passphraseEnv
                        + " (named by --passphrase-env) is not set.");
            }
            CharBuffer buffer = CharBuffer.wrap(value);
            char[] passphrase = new char[buffer.remaining()];
            buffer.get(passphrase);
            PassphrasePrompt prompt = PassphrasePrompt.of(passphrase);
            VaultAccess.wipe(passphrase);
            return prompt;
        }
        return resource -> context.passwordReader().readPassword("Passphrase for " + resource + ": ");
    }

    /** A key error as a CLI failure: exit 1 for a refused request, 5 for a wrong passphrase or a bad file. */
    static CliException failure(SshKeyException e) {
        return switch (e) {
            case SshKeyException.WrongPassphrase w -> CliException.failed(w.getMessage() + ". Nothing was imported.");
            case SshKeyException.PassphraseRequired p -> CliException.usage(p.getMessage() + ".");
            case SshKeyException.WeakKey w -> CliException.usage(w.getMessage() + ".");
            case SshKeyException.UnsupportedKey u -> CliException.usage(u.getMessage() + ".");
            case SshKeyException.InvalidKeyFile i -> CliException.failed(i.getMessage() + ".");
        };
    }
}
