package dev.termvault.app.core.account;

import dev.termvault.app.core.CoreException;
import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.client.SyncClient;
import dev.termvault.sync.client.SyncException;
import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Making a vault and linking it to a sync server, for both front ends: a local vault; a new account for a new
 * vault or for an existing local one; signing in on a new device. Each link starts from a server address and
 * the fingerprint of the certificate it presents ({@link #fingerprint}), which a person compares with the one
 * the server printed before it is pinned. New master passwords must pass {@link PasswordPolicy}. What fails
 * leaves nothing half-made: a vault made here is closed and its files removed (the folder too, when it was made
 * here) if the account step fails or the first sync is cancelled. Once the vault is linked, a first sync that
 * fails otherwise is not undone: it is reported in {@link Linked#firstSyncProblem()} and the next pass resumes.
 */
public final class AccountSetup {

    private static final Logger LOG = LoggerFactory.getLogger(AccountSetup.class);

    /** The field of a refused server address in {@link CoreException.Invalid#fieldErrors()}. */
    public static final String SERVER_FIELD = "server";

    /** The field of a refused email address. */
    public static final String EMAIL_FIELD = "email";

    static final String BAD_SERVER = "The server address must look like https://sync.example.org:8443.";

    /**
     * A vault linked to an account.
     *
     * @param secretKey        the new vault's Secret Key for the Emergency Kit (null when the vault existed or
     *                         came from the account)
     * @param firstSync        what the first sync left, or null when it did not finish
     * @param firstSyncProblem why the first sync did not finish (safe to show), or null
     */
    public record Linked(Vault vault, AccountSession session, String secretKey, SyncPass.Result firstSync,
                         String firstSyncProblem) {
        @Override
        public String toString() {
            return "Linked[" + session + ", firstSync=" + firstSync + "]";
        }
    }

    /**
     * Watches the first sync: {@code progress} hears the fraction pulled; {@code cancelled} is asked at every
     * safe point, and when it says yes the flow stops and removes what it made.
     */
    public record FirstSyncWatch(java.util.function.DoubleConsumer progress,
                                 java.util.function.BooleanSupplier cancelled) {
        public static final FirstSyncWatch NONE = new FirstSyncWatch(f -> { }, () -> false);

        void check() {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled");
            }
        }
    }

    private final String deviceName;
    private final Duration timeout;

    /**
     * @param deviceName the name this device gets on the account (see {@link DeviceName})
     * @param timeout    how long to wait for the server on each call
     */
    public AccountSetup(String deviceName, Duration timeout) {
        this.deviceName = deviceName;
        this.timeout = timeout;
    }

    /**
     * The server address as typed: an https URL with a host.
     *
     * @throws CoreException.Invalid otherwise (field {@value #SERVER_FIELD})
     */
    public static URI parseServer(String text) {
        String trimmed = text == null ? "" : text.strip();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if ("https".equals(scheme) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new CoreException.Invalid(BAD_SERVER, Map.of(SERVER_FIELD, BAD_SERVER));
    }

    /** Why {@code email} is not an account's email address, or empty when it looks like one. */
    public static java.util.Optional<String> emailProblem(String email) {
        String mail = email == null ? "" : email.strip();
        return mail.matches("[^@\\s]+@[^@\\s]+") ? java.util.Optional.empty()
                : java.util.Optional.of("Enter the account's email address.");
    }

    private static void requireEmail(String email) {
        emailProblem(email).ifPresent(problem -> {
            throw new CoreException.Invalid(problem, Map.of(EMAIL_FIELD, problem));
        });
    }

    /**
     * Reaches the server and returns the SHA-256 fingerprint of the certificate it presents; nothing is
     * trusted or pinned yet.
     *
     * @throws SyncException.Offline when it cannot be reached over TLS
     */
    public String fingerprint(URI server) {
        return SyncClient.fetchFingerprint(server, timeout);
    }

    /**
     * Creates a local vault (not linked).
     *
     * @param password checked against {@link PasswordPolicy}; wiped before returning
     * @throws CoreException.Invalid when the password is too weak (nothing is made)
     */
    public static CreatedVault createLocal(Path dir, char[] password) {
        try {
            PasswordPolicy.require(password);
        } catch (CoreException.Invalid e) {
            Arrays.fill(password, '\0');
            throw e;
        }
        return Vault.createLocal(dir, password);
    }

    /**
     * A new vault in {@code dir} linked to a new account on the pinned server, then its first sync.
     *
     * @param password checked against {@link PasswordPolicy}; wiped before returning
     * @throws CoreException.Invalid when the password is too weak, or an account with this email exists
     */
    public Linked createAccount(Path dir, URI server, String fingerprint, String email, char[] password,
                                FirstSyncWatch watch) {
        try {
            VaultFolder folder = VaultFolder.before(dir);
            CreatedVault created = createLocal(dir, password.clone());
            SyncClient client = client(server, fingerprint);
            try {
                AccountSession session = signUp(client, created.vault(), email, password, null);
                return firstSync(created.vault(), session, watch, created.secretKey());
            } catch (RuntimeException e) {
                client.shutdown();
                created.vault().close();
                folder.removeWhatAppeared();
                throw e;
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Links an unlocked local vault to a new account on the pinned server, then runs its first sync. The
     * account's password is the vault's, so it must pass {@link PasswordPolicy} too. If the account step
     * fails, the vault is not changed.
     *
     * @param password the vault's master password; wiped before returning
     */
    public Linked attach(Vault vault, URI server, String fingerprint, String email, char[] password,
                         FirstSyncWatch watch) {
        return attach(vault, server, fingerprint, email, password, watch, null);
    }

    /**
     * As {@link #attach(Vault, URI, String, String, char[], FirstSyncWatch)}, with the sign-up code the server's
     * policy asks for (an operator's invite, or the code it mailed to {@code email}; null: none).
     */
    public Linked attach(Vault vault, URI server, String fingerprint, String email, char[] password,
                         FirstSyncWatch watch, String signupCode) {
        try {
            requireForAttach(password);
            SyncClient client = client(server, fingerprint);
            try {
                return firstSync(vault, signUp(client, vault, email, password.clone(), signupCode), watch, null);
            } catch (RuntimeException e) {
                client.shutdown();
                throw e;
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Brings the account's vault to this device: a new vault in {@code dir} (which must hold none), then the
     * first sync pulls every record. A failed sign-in or a cancelled first sync removes what was made here.
     *
     * @param password  wiped before returning
     * @param secretKey the Secret Key from the Emergency Kit
     * @throws CoreException.Invalid when {@code dir} holds a vault already
     * @throws SyncException.LoginFailed when the email, password or Secret Key is wrong
     */
    public Linked signIn(Path dir, URI server, String fingerprint, String email, char[] password, String secretKey,
                         FirstSyncWatch watch) {
        if (Vault.exists(dir)) {
            Arrays.fill(password, '\0');
            throw new CoreException.Invalid("There is already a vault in " + dir + "; sign in in a new folder."
                    + " Nothing was changed.");
        }
        VaultFolder folder = VaultFolder.before(dir);
        SyncClient client = client(server, fingerprint);
        Vault made = null;
        try {
            requireEmail(email);
            watch.check();
            SyncClient.Joined joined = client.join(dir, email.strip(), password, secretKey.strip());
            made = joined.vault();
            return firstSync(made, joined.session(), watch, null);
        } catch (RuntimeException e) {
            client.shutdown();
            if (made != null) {
                made.close();
            }
            folder.removeWhatAppeared();
            throw e;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static void requireForAttach(char[] password) {
        try {
            PasswordPolicy.require(password);
        } catch (CoreException.Invalid e) {
            String message = e.getMessage() + " The account would use it too: change the vault's master password"
                    + " first, then link the vault.";
            throw new CoreException.Invalid(message, Map.of(PasswordPolicy.FIELD, message));
        }
    }

    private SyncClient client(URI server, String fingerprint) {
        try {
            return SyncClient.builder(server, fingerprint).deviceName(deviceName).timeout(timeout).build();
        } catch (IllegalArgumentException e) {
            throw new CoreException.Invalid("The server address or fingerprint is not valid: " + e.getMessage()
                    + ".", Map.of(SERVER_FIELD, e.getMessage()));
        }
    }

    private static AccountSession signUp(SyncClient client, Vault vault, String email, char[] password,
                                         String signupCode) {
        try {
            requireEmail(email);
            return client.signUp(vault, email.strip(), password, signupCode);
        } catch (SyncException.SignupCodeRequired e) {
            throw new CoreException.Invalid(e.getMessage() + ".", Map.of(CODE_FIELD, e.getMessage()));
        } catch (SyncException.Rejected e) {
            if (e.status() == 400 && signupCode != null) {
                String message = "That is not a sign-up code (" + e.getMessage() + "). Nothing was created.";
                throw new CoreException.Invalid(message, Map.of(CODE_FIELD, message));
            }
            if (e.status() == 403) {
                String message = "The sign-up code is wrong, used or expired. Nothing was created.";
                throw new CoreException.Invalid(message, Map.of(CODE_FIELD, message));
            }
            if (e.status() == 409) {
                String message = "An account with this email already exists on this server. Sign in on a new"
                        + " device instead.";
                throw new CoreException.Invalid(message, Map.of(EMAIL_FIELD, message));
            }
            throw e;
        } catch (IllegalStateException e) {
            throw new CoreException.Invalid("This vault is already linked to a sync account.");
        }
    }

    /**
     * The first pass. A failure that is not a cancel does not undo the link: the next pass resumes from the
     * stored cursor and outbox.
     */
    /** The field a sign-up code problem is reported on. */
    public static final String CODE_FIELD = "code";

    private static Linked firstSync(Vault vault, AccountSession session, FirstSyncWatch watch, String secretKey) {
        try {
            watch.check();
            SyncPass.Result result = new SyncPass(vault, session).onProgress(fraction -> {
                watch.check();
                watch.progress().accept(fraction);
            }).run();
            watch.check();
            return new Linked(vault, session, secretKey, result, null);
        } catch (SyncException e) {
            watch.check();
            LOG.info("The first sync did not finish ({}); the next pass resumes it", e.getMessage());
            return new Linked(vault, session, secretKey, null, e.getMessage());
        }
    }
}
