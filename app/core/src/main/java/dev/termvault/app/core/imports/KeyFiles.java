package dev.termvault.app.core.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.termvault.app.ssh.keys.PassphrasePrompt;
import dev.termvault.app.ssh.keys.SshKeyException;
import dev.termvault.app.ssh.keys.SshKeyRecords;
import dev.termvault.vault.model.SshKey;

/** Reading private key files for an import: a look without a passphrase for the plan, the real read for apply. */
final class KeyFiles {

    private static final long MAX_PUBLIC_KEY_FILE = 16 * 1024;

    /** What a look at a key file, asking no passphrase, found. */
    enum State { READABLE, NEEDS_PASSPHRASE, UNREADABLE, MISSING }

    /**
     * @param state     what was found
     * @param publicKey the public key line (from the key, or from its .pub file for an encrypted key), or null
     * @param problem   why it cannot be imported (for UNREADABLE), or null
     */
    record Look(State state, String publicKey, String problem) {
    }

    private KeyFiles() {
    }

    /** Looks at {@code file} without asking for a passphrase; nothing of the private key is kept. */
    static Look look(Path file) {
        if (!Files.isRegularFile(file)) {
            return new Look(State.MISSING, null, "there is no such file");
        }
        try {
            return new Look(State.READABLE, read(file, PassphrasePrompt.NONE).publicKey(), null);
        } catch (SshKeyException.PassphraseRequired e) {
            return new Look(State.NEEDS_PASSPHRASE, publicKeyFile(file), null);
        } catch (SshKeyException e) {
            return new Look(State.UNREADABLE, null, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return new Look(State.UNREADABLE, null, "the file could not be read");
        }
    }

    /** Reads {@code file} into a key record named after the file, asking {@code prompt} if it is encrypted. */
    static SshKey read(Path file, PassphrasePrompt prompt) throws SshKeyException, IOException {
        return SshKeyRecords.readFile(file, file.getFileName().toString(), prompt);
    }

    /** The public key line of the .pub file next to {@code file}, or null when there is none that can be read. */
    private static String publicKeyFile(Path file) {
        Path pub = file.resolveSibling(file.getFileName() + ".pub");
        try {
            if (Files.isRegularFile(pub) && Files.size(pub) < MAX_PUBLIC_KEY_FILE) {
                return Files.readString(pub).strip();
            }
        } catch (IOException | UncheckedIOException e) {
            // No usable .pub file: the key itself tells when it is read.
        }
        return null;
    }
}
