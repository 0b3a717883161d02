package dev.termvault.app.ssh.keys;

/**
 * Asks a person for the passphrase of an encrypted key file. The GUI, the CLI and tests implement it;
 * the key code never opens a dialog or reads a terminal itself.
 */
@FunctionalInterface
public interface PassphrasePrompt {

    /** A prompt that never has a passphrase to give. */
    PassphrasePrompt NONE = resource -> null;

    /**
     * The passphrase for {@code resource}, or null when the person declines. The caller wipes the array.
     *
     * @param resource a name the person recognises (a file path)
     */
    char[] passphraseFor(String resource);

    /** A prompt that always answers with the same passphrase (a copy each time). */
    static PassphrasePrompt of(char[] passphrase) {
        char[] kept = passphrase.clone();
        return resource -> kept.clone();
    }
}
