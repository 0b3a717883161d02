package dev.termvault.app.ssh.keys;

/**
 * Everything that can go wrong while making, reading or writing an SSH key. Messages are safe to show a
 * person: they name the file and the problem, never key material or a passphrase.
 */
public abstract sealed class SshKeyException extends Exception
        permits SshKeyException.WrongPassphrase, SshKeyException.PassphraseRequired,
                SshKeyException.UnsupportedKey, SshKeyException.InvalidKeyFile, SshKeyException.WeakKey {

    private static final long serialVersionUID = 1L;

    SshKeyException(String message) {
        super(message);
    }

    /** The key file is encrypted and the passphrase given does not open it. */
    public static final class WrongPassphrase extends SshKeyException {
        private static final long serialVersionUID = 1L;

        public WrongPassphrase(String resource) {
            super("Wrong passphrase for " + resource);
        }
    }

    /** The key file is encrypted and no passphrase was given. */
    public static final class PassphraseRequired extends SshKeyException {
        private static final long serialVersionUID = 1L;

        public PassphraseRequired(String resource) {
            super(resource + " is protected by a passphrase and none was given");
        }
    }

    /** A key type, size or format Termvault does not handle. */
    public static final class UnsupportedKey extends SshKeyException {
        private static final long serialVersionUID = 1L;

        public UnsupportedKey(String message) {
            super(message);
        }
    }

    /** The file is not a private key in any format Termvault reads, or it is damaged. */
    public static final class InvalidKeyFile extends SshKeyException {
        private static final long serialVersionUID = 1L;

        public InvalidKeyFile(String message) {
            super(message);
        }
    }

    /** A key too weak to be made (RSA shorter than 3072 bits). */
    public static final class WeakKey extends SshKeyException {
        private static final long serialVersionUID = 1L;

        public WeakKey(String message) {
            super(message);
        }
    }
}
