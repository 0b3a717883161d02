package dev.termvault.app.ssh;

import java.util.List;
import java.util.Optional;

/**
 * How the engine asks a person something. The GUI and the CLI implement it; the engine never opens a
 * dialog itself. Every method may be called from a network thread and may block until the person answers.
 */
public interface SshPrompt {

    /**
     * A host key seen for the first time. Show {@link HostKeyQuestion#fingerprint()} and ask whether to trust
     * it; true stores it as a known host.
     */
    boolean acceptNewHostKey(HostKeyQuestion question);

    /**
     * The host presented a different key than the one on record. Show {@link HostKeyQuestion#changedWarning()}
     * prominently; true replaces the record, false (the safe answer) refuses the connection.
     */
    boolean acceptChangedHostKey(HostKeyQuestion question);

    /**
     * The password for {@code user@host}, when the vault holds none. Empty to cancel. The engine wipes the
     * array after use.
     */
    Optional<char[]> password(String user, String host);

    /**
     * Keyboard-interactive prompts from the server. Returns one answer per prompt, or empty to cancel.
     *
     * @param prompts the server's questions; {@link KeyboardPrompt#echo()} false means a secret
     */
    Optional<List<String>> keyboardInteractive(String host, String name, String instruction,
                                               List<KeyboardPrompt> prompts);

    /** A message from the server before login (the banner); shown, never answered. */
    default void banner(String host, String message) {
    }

    /** One question of a keyboard-interactive round. */
    record KeyboardPrompt(String text, boolean echo) {
    }

    /**
     * A question about a host key.
     *
     * @param host               the host name as configured
     * @param port               its port
     * @param keyType            the presented key's type, e.g. ssh-ed25519
     * @param fingerprint        the presented key's {@code SHA256:...} fingerprint
     * @param knownFingerprints  fingerprints on record for this host and key type (empty on first use)
     */
    record HostKeyQuestion(String host, int port, String keyType, String fingerprint,
                           List<String> knownFingerprints) {

        public HostKeyQuestion {
            knownFingerprints = List.copyOf(knownFingerprints);
        }

        public String endpoint() {
            return port == 22 ? host : "[" + host + "]:" + port;
        }

        /** The text to show for a first-use question. */
        public String firstUseQuestion() {
            return "The authenticity of host " + endpoint() + " can't be established.\n"
                    + keyType + " key fingerprint is " + fingerprint + ".\n"
                    + "Trust this key and connect?";
        }

        /** The warning to show for a changed key. */
        public String changedWarning() {
            return "WARNING: THE HOST KEY OF " + endpoint() + " HAS CHANGED!\n"
                    + "Someone could be eavesdropping on you right now (man-in-the-middle attack),\n"
                    + "or the host key has just been changed.\n"
                    + "Key on record:  " + String.join(", ", knownFingerprints) + "\n"
                    + "Key presented:  " + fingerprint + " (" + keyType + ")\n"
                    + "Replace the recorded key and connect anyway? Only say yes if you know why it changed.";
        }
    }
}
