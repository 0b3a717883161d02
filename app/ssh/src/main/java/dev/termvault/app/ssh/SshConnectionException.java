package dev.termvault.app.ssh;

import java.util.List;

/**
 * Why a connection could not be made or kept, in words a person can act on. Messages are safe to show:
 * they name the host and what went wrong, never a key, password or internal detail.
 */
public sealed abstract class SshConnectionException extends Exception
        permits SshConnectionException.UnknownHost, SshConnectionException.ConnectionRefused,
        SshConnectionException.TimedOut, SshConnectionException.AuthenticationFailed,
        SshConnectionException.HostKeyRejected, SshConnectionException.HostKeyChanged,
        SshConnectionException.HostKeyRevoked, SshConnectionException.NoCommonAlgorithm,
        SshConnectionException.JumpHostFailed, SshConnectionException.MissingItem,
        SshConnectionException.ConnectionFailed {

    private static final long serialVersionUID = 1L;

    private SshConnectionException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The host name does not resolve (DNS). */
    public static final class UnknownHost extends SshConnectionException {
        private static final long serialVersionUID = 1L;

        public UnknownHost(String hostname, Throwable cause) {
            super("Unknown host " + hostname + ": the name does not resolve. Check the host name.", cause);
        }
    }

    /** Nothing listens on the port. */
    public static final class ConnectionRefused extends SshConnectionException {
        private static final long serialVersionUID = 1L;

        public ConnectionRefused(String endpoint, Throwable cause) {
            super("Connection refused by " + endpoint + ": no SSH server is listening on that port.", cause);
        }
    }

    /** The host did not answer (or did not speak SSH) in time. */
    public static final class TimedOut extends SshConnectionException {
        private static final long serialVersionUID = 1L;

        public TimedOut(String endpoint, String phase, Throwable cause) {
            super("Timed out " + phase + " " + endpoint
                    + ": the host did not answer in time (a firewall, a wrong port or a busy server).", cause);
        }
    }

    /** The server accepted none of the ways we tried to log in. */
    public static final class AuthenticationFailed extends SshConnectionException {
        private static final long serialVersionUID = 1L;
        private final List<String> methodsTried;

        public AuthenticationFailed(String user, String endpoint, List<String> methodsTried, Throwable cause) {
            super("Authentication failed for " + user + " at " + endpoint + " (tried: "
                    + (methodsTried.isEmpty() ? "nothing the server accepts" : String.join(", ", methodsTried))
                    + ").", cause);
            this.methodsTried = List.copyOf(methodsTried);
        }

        /** The methods offered, e.g. {@code publickey (key "work")}, {@code password}. */
        public List<String> methodsTried() {
            return methodsTried;
        }
    }

    /** The host key is not known and was not accepted (declined, or the policy requires a known key). */
    public static final class HostKeyRejected extends SshConnectionException {
        private static final long serialVersionUID = 1L;

        public HostKeyRejected(String endpoint, String fingerprint, String why) {
            super("Host key of " + endpoint + " (" + fingerprint + ") was not accepted: " + why + ".", null);
        }
    }

    /** The host presented a different key than the one on record, and the change was not accepted. */
    public static final class HostKeyChanged extends SshConnectionException {
        private static final long serialVersionUID = 1L;

        public HostKeyChanged(String endpoint, String fingerprint) {
            super("The host key of " + endpoint + " has CHANGED (now " + fingerprint + "). "
                    + "The connection was refused: someone may be intercepting it, or the host was reinstalled.",
                    null);
        }
    }

    /** The host presented a key that has been revoked. */
    public static final class HostKeyRevoked extends SshConnectionException {
        private static final long serialVersionUID = 1L;

        public HostKeyRevoked(String endpoint, String fingerprint) {
            super("The host key of " + endpoint + " (" + fingerprint + ") is REVOKED; the connection was refused.",
                    null);
        }
    }

    /** Client and server share no key exchange, cipher, MAC or host key algorithm. */
    public static final class NoCommonAlgorithm extends SshConnectionException {
        private static final long serialVersionUID = 1L;

        public NoCommonAlgorithm(String endpoint, Throwable cause) {
            super("No common algorithm with " + endpoint + ". If it is an old server, enable the legacy "
                    + "algorithms it needs (e.g. ssh-rsa, diffie-hellman-group14-sha1) on the host.", cause);
        }
    }

    /** Hop N of a jump chain failed; the cause says how. */
    public static final class JumpHostFailed extends SshConnectionException {
        private static final long serialVersionUID = 1L;
        private final int hop;
        private final SshConnectionException reason;

        public JumpHostFailed(int hop, String label, SshConnectionException reason) {
            super("Jump host " + hop + " (" + label + ") failed: " + reason.getMessage(), reason);
            this.hop = hop;
            this.reason = reason;
        }

        /** 1 for the first jump host. */
        public int hop() {
            return hop;
        }

        public SshConnectionException reason() {
            return reason;
        }
    }

    /** The host refers to a key, credential or jump host that is not in the vault (or cannot be used). */
    public static final class MissingItem extends SshConnectionException {
        private static final long serialVersionUID = 1L;

        public MissingItem(String message) {
            super(message, null);
        }
    }

    /** Any other failure: the connection dropped, a channel could not be opened, a protocol error. */
    public static final class ConnectionFailed extends SshConnectionException {
        private static final long serialVersionUID = 1L;

        public ConnectionFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
