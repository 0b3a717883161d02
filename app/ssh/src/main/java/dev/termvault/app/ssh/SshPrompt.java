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

    /** A key on record for a host: its type and its {@code SHA256:...} fingerprint. */
    record RecordedKey(String keyType, String fingerprint) {

        @Override
        public String toString() {
            return fingerprint + " (" + keyType + ")";
        }
    }

    /**
     * A question about a host key.
     *
     * @param host          the host name as configured
     * @param port          its port
     * @param keyType       the presented key's type, e.g. ssh-ed25519
     * @param fingerprint   the presented key's {@code SHA256:...} fingerprint
     * @param recordedKeys  every key on record for this host, of any type (empty on first use)
     */
    record HostKeyQuestion(String host, int port, String keyType, String fingerprint,
                           List<RecordedKey> recordedKeys) {

        public HostKeyQuestion {
            recordedKeys = List.copyOf(recordedKeys);
        }

        public String endpoint() {
            return port == 22 ? host : "[" + host + "]:" + port;
        }

        /** The fingerprints on record, in the order of {@link #recordedKeys()}. */
        public List<String> knownFingerprints() {
            return recordedKeys.stream().map(RecordedKey::fingerprint).toList();
        }

        /** True when no key of the presented type is on record: the host switched key types. */
        public boolean typeChanged() {
            return !recordedKeys.isEmpty() && recordedKeys.stream().noneMatch(k -> k.keyType().equals(keyType));
        }

        /** The text to show for a first-use question. */
        public String firstUseQuestion() {
            return "The authenticity of host " + endpoint() + " can't be established.\n"
                    + keyType + " key fingerprint is " + fingerprint + ".\n"
                    + "Trust this key and connect?";
        }

        /** The warning to show for a changed key: every key on record, with its type, and the one presented. */
        public String changedWarning() {
            StringBuilder text = new StringBuilder("WARNING: THE HOST KEY OF " + endpoint() + " HAS CHANGED!\n"
                    + "Someone could be eavesdropping on you right now (man-in-the-middle attack),\n"
                    + "or the host key has just been changed.\n");
            text.append(recordedKeys.size() == 1 ? "Key on record:  " : "Keys on record:\n");
            for (RecordedKey key : recordedKeys) {
                text.append(recordedKeys.size() == 1 ? "" : "  ").append(key).append('\n');
            }
            text.append("Key presented:  ").append(fingerprint).append(" (").append(keyType).append(")\n");
            if (typeChanged()) {
                text.append("No " + keyType + " key is on record for this host: it now shows a key of another type.\n");
            }
            return text.append("Replace the recorded key and connect anyway? Only say yes if you know why it changed.")
                    .toString();
        }
    }
}
