package dev.termvault.app.ssh.keys;

import java.time.Duration;

import dev.termvault.app.ssh.ExecResult;
import dev.termvault.app.ssh.SshConnectionException;
import dev.termvault.app.ssh.SshSession;

/**
 * Installs a public key on a host: appends its authorized_keys line to {@code ~/.ssh/authorized_keys} over
 * an exec channel, once. A key already there (same type and key, whatever the comment) is not added again;
 * {@code ~/.ssh} is made with mode 700 and the file with mode 600 when they are missing.
 */
public final class PublicKeyInstaller {

    /** What installing did. */
    public enum Outcome { ADDED, ALREADY_PRESENT }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String ADDED = "termvault-key-added";
    private static final String PRESENT = "termvault-key-present";

    private PublicKeyInstaller() {
    }

    /**
     * @param session          an open session to the host
     * @param authorizedKeysLine the key as an authorized_keys line ({@code type base64 [comment]})
     */
    public static Outcome install(SshSession session, String authorizedKeysLine)
            throws SshConnectionException, SshKeyException {
        String line = authorizedKeysLine.strip();
        PublicKeyLine.parse(line);
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new SshKeyException.InvalidKeyFile("A public key line must be one line");
        }
        String[] fields = line.split("\\s+");
        ExecResult result = session.exec(command(fields[0] + " " + fields[1], line), TIMEOUT);
        if (result.exitStatus() != 0) {
            throw new SshKeyException.UnsupportedKey("The key could not be added to ~/.ssh/authorized_keys"
                    + " (exit status " + result.exitStatus() + "): " + result.errors().strip());
        }
        if (result.output().contains(PRESENT)) {
            return Outcome.ALREADY_PRESENT;
        }
        if (result.output().contains(ADDED)) {
            return Outcome.ADDED;
        }
        throw new SshKeyException.UnsupportedKey("The host did not confirm the key was added");
    }

    /** A POSIX shell command doing the whole job in one round trip. */
    static String command(String typeAndKey, String line) {
        String file = "\"$HOME/.ssh/authorized_keys\"";
        return "[ -d \"$HOME/.ssh\" ] || mkdir -m 700 \"$HOME/.ssh\" || exit 1; "
                + "[ -f " + file + " ] || (umask 077 && : > " + file + ") || exit 1; "
                + "if grep -qF -- " + quote(typeAndKey) + " " + file + "; then echo " + PRESENT + "; else "
                + "if [ -s " + file + " ] && [ -n \"$(tail -c 1 " + file + ")\" ]; then echo >> " + file + "; fi; "
                + "printf '%s\\n' " + quote(line) + " >> " + file + " && echo " + ADDED + "; fi";
    }

    /** Single-quoted for a POSIX shell. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
