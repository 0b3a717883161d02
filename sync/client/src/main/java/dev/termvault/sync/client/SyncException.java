package dev.termvault.sync.client;

/**
 * What can go wrong in sync, with messages safe to show a person (never a token, a secret or a record).
 * Transport failures ({@link Offline}) are retried by the background loop; the others are not.
 */
public abstract sealed class SyncException extends RuntimeException {

    private SyncException(String message) {
        super(message);
    }

    /** The server could not be reached, or the connection broke (the IOException stays the cause). */
    public static final class Offline extends SyncException {
        public Offline(String message, Throwable cause) {
            super(message);
            initCause(cause);
        }
    }

    /** The server refused a request with a stable error code. */
    public static final class Rejected extends SyncException {
        private final int status;
        private final String code;

        public Rejected(int status, String code, String message) {
            super(message == null ? "the server refused the request (" + status + ")" : message);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    /**
     * The email, password or Secret Key is wrong ({@link #credentialsRefused()}), or the session is over (log in
     * again).
     */
    public static final class LoginFailed extends SyncException {
        private final boolean credentialsRefused;

        public LoginFailed(String message) {
            this(message, false);
        }

        private LoginFailed(String message, boolean credentialsRefused) {
            super(message);
            this.credentialsRefused = credentialsRefused;
        }

        /** The key service refused the login proof: the email, password or Secret Key is wrong. */
        public static LoginFailed credentialsRefused(String message) {
            return new LoginFailed(message, true);
        }

        /** True when the key service refused the proof (wrong credentials), false when a session ended. */
        public boolean credentialsRefused() {
            return credentialsRefused;
        }
    }

    /**
     * The account has a second factor and no code was given (no prompt, or the person cancelled). The password
     * was right; nothing was released or changed.
     */
    public static final class SecondFactorRequired extends SyncException {
        public SecondFactorRequired() {
            super("This account asks for a second factor: enter the code of the authenticator app or a recovery code");
        }
    }

    /**
     * The key service refused the second-factor codes given (wrong, already used, or the device's clock is
     * off). Nothing was released or changed; failed codes count towards the login back-off.
     */
    public static final class SecondFactorRefused extends SyncException {
        public SecondFactorRefused() {
            super("The second-factor code was refused: it is wrong or was already used. Wait for the next code of "
                    + "the authenticator app (and check this device's clock), or use a recovery code");
        }
    }

    /**
     * The key service no longer accepts this vault's master password because it was changed on another
     * device (the account's salt is not the one this vault derives from). Log in with the new password: the
     * vault then takes the change over ({@link SyncClient#adoptNewPassword}). Until then the old password
     * still unlocks this device offline.
     */
    public static final class PasswordChanged extends SyncException {
        public PasswordChanged() {
            super("The master password was changed on another device; enter the new one");
        }
    }

    /**
     * The server answered something an honest server never does (a record rolled back, a record missing, a
     * ciphertext moved, a vault served older than seen, weak KDF parameters, a swapped key or share).
     * Nothing local was overwritten.
     */
    public static final class ServerMisbehaved extends SyncException {
        public ServerMisbehaved(String message) {
            super("The sync server sent data this device must refuse: " + message);
        }
    }

    /**
     * This device was revoked on the account (from another device): the server refuses it for good. The
     * local vault and its pending changes stay as they are; syncing again takes a new device.
     */
    public static final class DeviceRevoked extends SyncException {
        public DeviceRevoked() {
            super("This device was revoked on the sync account and can no longer sync. Its local vault and "
                    + "unsynced changes are kept on this device; to sync again, log in to the account as a new "
                    + "device (in a new folder)");
        }
    }

    /**
     * The server creates accounts only with a sign-up code and none (or no valid one) was given: {@link #next()}
     * is {@code email_code} (a code was mailed to the address, if it may get an account) or {@code invite} (an
     * operator's invite). Nothing was created; sign up again with the code.
     */
    public static final class SignupCodeRequired extends SyncException {
        private final String next;

        public SignupCodeRequired(String next) {
            super("email_code".equals(next)
                    ? "Check your email: the server sent a sign-up code to this address. Sign up again with it"
                    : "This server creates accounts by invite only: sign up again with the invite code you were given");
            this.next = next;
        }

        public String next() {
            return next;
        }
    }

    /** The vault is not linked to a sync account yet. */
    public static final class NotLinked extends SyncException {
        public NotLinked() {
            super("This vault is not linked to a sync account; sign up or log in first");
        }
    }
}
