package dev.termvault.sync.client;

import dev.termvault.sync.client.srp.SrpClient;
import dev.termvault.sync.protocol.ErrorCode;
import dev.termvault.sync.protocol.blobs.CreateVaultRequest;
import dev.termvault.sync.protocol.blobs.PutVaultKeyRequest;
import dev.termvault.sync.protocol.blobs.VaultKeyList;
import dev.termvault.sync.protocol.blobs.WrappedVaultKey;
import dev.termvault.sync.protocol.keys.DeviceInfo;
import dev.termvault.sync.protocol.keys.LoginFinishRequest;
import dev.termvault.sync.protocol.keys.LoginFinishResponse;
import dev.termvault.sync.protocol.keys.LoginStartRequest;
import dev.termvault.sync.protocol.keys.LoginStartResponse;
import dev.termvault.sync.protocol.keys.SignupRequest;
import dev.termvault.sync.protocol.keys.SignupResponse;
import dev.termvault.sync.protocol.keys.WireKdfParams;
import dev.termvault.vault.AccountSecrets;
import dev.termvault.vault.KdfParams;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.secret.SecretBytes;
import dev.termvault.vault.sync.SyncLink;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way into a sync server: an immutable client (build it with {@link #builder}) that talks HTTPS to one
 * server whose certificate it pins by SHA-256 fingerprint, and turns a vault and a password into an
 * {@link AccountSession}: {@link #signUp} attaches a local vault to a new account, {@link #logIn} logs a
 * linked vault in again, {@link #join} brings an account's vault to a new device. Thread-safe.
 */
public final class SyncClient {

    private static final Logger LOG = LoggerFactory.getLogger(SyncClient.class);

    private final URI server;
    private final String fingerprint;
    private final String deviceName;
    private final Http http;
    private final SecondFactorPrompt secondFactorPrompt;
    private final SrpLogin srp;

    private SyncClient(Builder b) {
        this.server = b.server;
        this.fingerprint = PinnedCertificateTrustManager.normalise(b.fingerprint);
        this.deviceName = b.deviceName;
        this.http = new Http(httpClient(b, fingerprint), HttpUrl.get(b.server.toString()));
        this.secondFactorPrompt = b.secondFactorPrompt;
        this.srp = new SrpLogin(http);
    }

    /** A builder for a client of {@code server} (an https URL) pinned to {@code fingerprint}. */
    public static Builder builder(URI server, String fingerprint) {
        return new Builder(server, fingerprint);
    }

    /**
     * Connects to {@code server} without trusting it and returns the SHA-256 fingerprint of the certificate it
     * presents (upper-case hex with colons), for a person to compare with the one the server printed before
     * it is pinned. Nothing is sent beyond the TLS handshake.
     *
     * @throws SyncException.Offline when the server cannot be reached or does not speak TLS
     */
    public static String fetchFingerprint(URI server, Duration timeout) {
        return FingerprintProbe.fetch(server, timeout);
    }

    /** A client for the server a vault is linked to. */
    public static Builder builder(SyncLink link) {
        return new Builder(URI.create(link.serverUrl()), link.fingerprint());
    }

    public URI server() {
        return server;
    }

    public String fingerprint() {
        return fingerprint;
    }

    Http http() {
        return http;
    }

    SecondFactorPrompt secondFactorPrompt() {
        return secondFactorPrompt;
    }

    /** The account's second factor (state, TOTP enrolment and confirmation, removal) for a session. */
    public SecondFactorSetup secondFactor(AccountSession session) {
        return new SecondFactorSetup(this, session);
    }

    /** Releases the connection pool and the threads (the client cannot be used afterwards). */
    public void shutdown() {
        http.client().dispatcher().executorService().shutdown();
        http.client().connectionPool().evictAll();
    }

    /**
     * Creates an account for an existing vault (local-only until now): derives K_user and the SRP verifier
     * from the password, signs up, logs in to receive the service share S, re-wraps the vault's keys under
     * the new K_acct (no record is re-encrypted), creates the vault on the blob service and uploads its
     * wrapped keys. The records follow with the first {@link Synchronizer#syncOnce()}.
     *
     * @param vault    an unlocked vault, not linked yet
     * @param password the master password; wiped before returning
     * @throws SyncException.SignupCodeRequired when the server asks for a sign-up code (nothing was created)
     */
    public AccountSession signUp(Vault vault, String email, char[] password) {
        return signUp(vault, email, password, null);
    }

    /**
     * As {@link #signUp(Vault, String, char[])}, with the sign-up code the server's policy asks for: the one it
     * mailed to {@code email}, or an operator's invite (null: none).
     *
     * @throws SyncException.SignupCodeRequired when the server asks for a code; a wrong, used or expired code
     *         is {@link SyncException.Rejected} with status 403
     */
    public AccountSession signUp(Vault vault, String typedEmail, char[] password, String code) {
        String email = SrpClient.normaliseEmail(typedEmail);
        if (vault.account().syncLink().isPresent()) {
            Arrays.fill(password, '\0');
            throw new IllegalStateException("this vault is already linked to a sync account");
        }
        try (AccountSecrets secrets = vault.account().secrets(password)) {
            byte[] verifier;
            try (SecretBytes srp = secrets.srpSecret()) {
                verifier = SrpClient.verifier(email, secrets.salt(), srp);
            }
            var kdf = secrets.kdfParams();
            SignupResponse created = http.call("POST", http.url("/v1/keys/signup"), null, new SignupRequest(email,
                    secrets.salt(), new WireKdfParams(WireKdfParams.ARGON2ID, kdf.memoryKiB(), kdf.iterations(),
                    kdf.parallelism()), verifier, device(vault.deviceId()), code), SignupResponse.class);
            if (created.accountId() == null) {
                throw new SyncException.SignupCodeRequired(created.next());
            }
            Login login = login(email, secrets, vault.deviceId(), null);
            try (SecretBytes share = login.share) {
                SyncLink link = new SyncLink(server.toString(), fingerprint, email, login.response.accountId());
                vault.account().attach(secrets, share, link);
            }
            AccountSession session = new AccountSession(this, login.response, email);
            session.createVault(vault.vaultId(), vault.account().wrappedVaultKeys());
            LOG.info("Signed up and attached the vault");
            return session;
        }
    }

    /**
     * Logs a linked vault in again: the released share must be the one the vault caches, and the server's
     * wrapped vault keys must be the ones this device holds.
     *
     * @param password the master password; wiped before returning
     */
    public AccountSession logIn(Vault vault, char[] password) {
        SyncLink link = vault.account().syncLink().orElseThrow(SyncException.NotLinked::new);
        try (AccountSecrets secrets = vault.account().secrets(password)) {
            Login login = login(link.email(), secrets, vault.deviceId(), null);
            try (SecretBytes share = login.share) {
                if (!vault.account().holdsShare(secrets, share)) {
                    throw new SyncException.ServerMisbehaved("the key service released a different service share");
                }
            }
            AccountSession session = new AccountSession(this, login.response, link.email());
            Map<Integer, byte[]> local = vault.account().wrappedVaultKeys();
            for (Map.Entry<Integer, byte[]> served : session.wrappedKeys(vault.vaultId()).entrySet()) {
                byte[] mine = local.get(served.getKey());
                if (mine != null && !Arrays.equals(mine, served.getValue())) {
                    throw new SyncException.ServerMisbehaved("a wrapped vault key was swapped");
                }
            }
            return session;
        }
    }

    /**
     * Brings an account to a new device: logs in with the email, the password and the Secret Key from the
     * Emergency Kit, fetches the vault's wrapped keys (each must open under K_acct) and makes the vault in
     * {@code dir}. The caller then runs {@link Synchronizer#syncOnce()} to pull every record.
     *
     * @param password the master password; wiped before returning
     * @return the session; {@link AccountSession#vault()} is the new vault, unlocked
     */
    public Joined join(Path dir, String typedEmail, char[] password, String secretKey) {
        String email = SrpClient.normaliseEmail(typedEmail);
        try {
            LoginStartResponse start = start(email);
            checkKdf(start.kdf());
            UUID deviceId = UUID.randomUUID();
            try (AccountSecrets secrets = AccountSecrets.derive(password, secretKey, start.salt(),
                    new KdfParams(start.kdf().memoryKib(), start.kdf().iterations(),
                            start.kdf().parallelism()))) {
                Login login = login(email, secrets, deviceId, start, SecondFactorPrompt.Reason.JOIN);
                AccountSession session = new AccountSession(this, login.response, email);
                try (SecretBytes share = login.share) {
                    var vaults = session.vaults();
                    if (vaults.isEmpty()) {
                        throw new SyncException.ServerMisbehaved("the account has no vault");
                    }
                    UUID vaultId = UUID.fromString(vaults.get(0).vaultId());
                    Map<Integer, byte[]> keys = session.wrappedKeys(vaultId);
                    SyncLink link = new SyncLink(server.toString(), fingerprint, email, login.response.accountId());
                    Vault vault;
                    try {
                        vault = Vault.join(dir, secrets, share, vaultId, keys, link, deviceId);
                    } catch (VaultException.Tampered e) {
                        throw new SyncException.ServerMisbehaved("a wrapped vault key does not open under this "
                                + "account's key (swapped or foreign)");
                    }
                    return new Joined(vault, session);
                }
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Changes the master password of a linked vault on the account and on this device (see
     * {@link PasswordChanger} for the order of the steps and what a failure between them leaves): the key
     * service gets a new salt and SRP verifier (authorised by a fresh proof with the current password), the
     * blob service gets every vault key re-wrapped under the new K_acct at a newer account-key epoch, and
     * this vault is re-keyed last. If an earlier run stopped half-way, running it again with the same two
     * passwords finishes it. The Secret Key stays the same.
     *
     * @param currentPassword the password this vault opens with; wiped before returning
     * @param newPassword     the new password; wiped before returning
     * @return a session logged in with the new password
     * @throws VaultException.WrongPassword if {@code currentPassword} does not open this vault; nothing changed
     */
    public AccountSession changePassword(Vault vault, char[] currentPassword, char[] newPassword) {
        return new PasswordChanger(this).change(vault, currentPassword, newPassword);
    }

    /**
     * Takes over a master-password change made on another device: logs in with the new password (with the
     * account's new salt and this vault's Secret Key), checks that the blob service holds this vault's keys
     * re-wrapped under the new K_acct, re-keys this vault and unlocks it. Records and the outbox are kept.
     *
     * @param newPassword the new password; wiped before returning
     * @return the session, or empty if the account's password was not changed (the salt is this vault's):
     *         then a password that does not unlock this vault is simply wrong
     */
    public java.util.Optional<AccountSession> adoptNewPassword(Vault vault, char[] newPassword) {
        return new PasswordChanger(this).adopt(vault, newPassword);
    }

    /** A vault joined on a new device and its session. */
    public record Joined(Vault vault, AccountSession session) {
    }

    // ---- login ----------------------------------------------------------------------------------

    record Login(LoginFinishResponse response, SecretBytes share) {
    }

    LoginStartResponse start(String email) {
        return http.call("POST", http.url("/v1/keys/login/start"), null, new LoginStartRequest(email),
                LoginStartResponse.class);
    }

    /** KDF parameters from a login answer must be at or above the compiled-in floor, before any derivation. */
    static void checkKdf(WireKdfParams kdf) {
        if (kdf == null || !WireKdfParams.ARGON2ID.equals(kdf.algorithm()) || !new KdfParams(
                kdf.memoryKib(), kdf.iterations(), kdf.parallelism()).isAcceptable()) {
            throw new SyncException.ServerMisbehaved("KDF parameters below this device's floor");
        }
    }

    Login login(String email, AccountSecrets secrets, UUID deviceId, LoginStartResponse given) {
        return login(email, secrets, deviceId, given, SecondFactorPrompt.Reason.LOG_IN);
    }

    /**
     * A login; when the account has a second factor, the prompt is asked for a code and the login runs again
     * with a new login/start (the first one's loginId is spent).
     */
    Login login(String email, AccountSecrets secrets, UUID deviceId, LoginStartResponse given,
                SecondFactorPrompt.Reason reason) {
        LoginStartResponse[] first = {given};
        return SecondFactorRetry.run(secondFactorPrompt, reason, email, null, answer -> {
            LoginStartResponse start = first[0] != null ? first[0] : start(email);
            first[0] = null;
            return srp.finish(email, secrets, device(deviceId), start, answer);
        });
    }

    /** A fresh proof for a request that needs one besides the token (verifier change, second factor). */
    SrpLogin.FreshProof freshProof(String email, AccountSecrets secrets) {
        return srp.fresh(email, secrets, start(email));
    }

    private DeviceInfo device(UUID deviceId) {
        return new DeviceInfo(deviceId.toString(), deviceName);
    }

    /** How long an idle connection is kept for reuse: well under the server's idle timeout (30 s). */
    static final int IDLE_CONNECTION_SECONDS = 15;

    private static OkHttpClient httpClient(Builder b, String fingerprint) {
        try {
            PinnedCertificateTrustManager trust = new PinnedCertificateTrustManager(fingerprint);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, null);
            OkHttpClient.Builder builder = new OkHttpClient.Builder()
                    .sslSocketFactory(tls.getSocketFactory(), trust)
                    // The exact certificate is pinned; its subject names do not add anything.
                    .hostnameVerifier((host, session) -> true)
                    .connectTimeout(b.timeout)
                    .readTimeout(b.timeout)
                    .callTimeout(b.timeout.multipliedBy(2))
                    .retryOnConnectionFailure(false)
                    // A pooled connection is dropped before the server's 30 s idle timeout closes it: with no
                    // automatic retry, reusing one the server has just closed fails the call.
                    .connectionPool(new ConnectionPool(5, IDLE_CONNECTION_SECONDS, TimeUnit.SECONDS));
            if (b.socketFactory != null) {
                builder.socketFactory(b.socketFactory);
            }
            b.interceptors.forEach(builder::addInterceptor);
            builder.addInterceptor(new GzipRequestBodies());
            builder.addNetworkInterceptor(new RedactedLogging());
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }

    /** Builds a {@link SyncClient}. */
    public static final class Builder {
        private final URI server;
        private final String fingerprint;
        private String deviceName = "Termvault device";
        private Duration timeout = Duration.ofSeconds(10);
        private final List<Interceptor> interceptors = new ArrayList<>();
        private javax.net.SocketFactory socketFactory;
        private SecondFactorPrompt secondFactorPrompt = SecondFactorPrompt.NONE;

        private Builder(URI server, String fingerprint) {
            if (server == null || !"https".equals(server.getScheme())) {
                throw new IllegalArgumentException("the server address must start with https://");
            }
            this.server = server;
            this.fingerprint = fingerprint;
        }

        /** The name other devices see for this one. */
        public Builder deviceName(String name) {
            this.deviceName = name;
            return this;
        }

        /** Connect and read timeout (the whole call may take twice this). */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Where to ask for a second-factor code when the account has one (the CLI's terminal, the desktop's
         * dialog). Without it, such a login ends with {@link SyncException.SecondFactorRequired}.
         */
        public Builder secondFactorPrompt(SecondFactorPrompt prompt) {
            this.secondFactorPrompt = java.util.Objects.requireNonNull(prompt);
            return this;
        }

        /** An application interceptor (tests capture traffic with it). */
        public Builder addInterceptor(Interceptor interceptor) {
            interceptors.add(interceptor);
            return this;
        }

        /** The factory of the plain TCP sockets under TLS (measurement runs count the bytes they carry). */
        Builder socketFactory(javax.net.SocketFactory factory) {
            this.socketFactory = factory;
            return this;
        }

        public SyncClient build() {
            return new SyncClient(this);
        }
    }

    @Override
    public String toString() {
        return "SyncClient[" + server + "]";
    }

    static Map<Integer, byte[]> keyMap(VaultKeyList list) {
        Map<Integer, byte[]> keys = new TreeMap<>();
        for (WrappedVaultKey key : list.keys()) {
            keys.put(key.keyVersion(), key.wrappedKey());
        }
        return keys;
    }

    static CreateVaultRequest createVault(UUID vaultId) {
        return new CreateVaultRequest(vaultId.toString());
    }

    static PutVaultKeyRequest putKey(byte[] wrapped) {
        return new PutVaultKeyRequest(wrapped);
    }
}
