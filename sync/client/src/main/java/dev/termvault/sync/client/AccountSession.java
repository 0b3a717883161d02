package dev.termvault.sync.client;

import dev.termvault.sync.protocol.ErrorCode;
import dev.termvault.sync.protocol.blobs.ChangePage;
import dev.termvault.sync.protocol.blobs.PushItem;
import dev.termvault.sync.protocol.blobs.PushRequest;
import dev.termvault.sync.protocol.blobs.PushResponse;
import dev.termvault.sync.protocol.blobs.VaultInfo;
import dev.termvault.sync.protocol.blobs.VaultKeyList;
import dev.termvault.sync.protocol.blobs.VaultList;
import dev.termvault.sync.protocol.keys.AuditLogPage;
import dev.termvault.sync.protocol.keys.DeviceList;
import dev.termvault.sync.protocol.keys.DeviceView;
import dev.termvault.sync.protocol.keys.LoginFinishResponse;
import dev.termvault.sync.protocol.keys.RefreshRequest;
import dev.termvault.sync.protocol.keys.TokenResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * A logged-in account: its tokens (in memory only; a refresh happens by itself when the access token is
 * refused) and the blob and key service calls the sync client makes. Thread-safe.
 */
public final class AccountSession {

    private final SyncClient client;
    private final Http http;
    private final String accountId;
    private final String deviceId;
    private final String email;
    private String accessToken;
    private String refreshToken;

    AccountSession(SyncClient client, LoginFinishResponse login, String email) {
        this.client = client;
        this.http = client.http();
        this.accountId = login.accountId();
        this.deviceId = login.deviceId();
        this.email = email;
        this.accessToken = login.accessToken();
        this.refreshToken = login.refreshToken();
    }

    public SyncClient client() {
        return client;
    }

    public String accountId() {
        return accountId;
    }

    public String deviceId() {
        return deviceId;
    }

    public String email() {
        return email;
    }

    synchronized String accessToken() {
        return accessToken;
    }

    /**
     * Runs an authenticated call; on 401 refreshes the tokens once and runs it again. A revoked device is
     * not refreshed: {@link SyncException.DeviceRevoked}.
     */
    <T> T authorized(Function<String, T> call) {
        String token = accessToken();
        try {
            return call.apply(token);
        } catch (SyncException.Rejected e) {
            if (e.status() != 401) {
                throw e;
            }
            if (ErrorCode.DEVICE_REVOKED.wire().equals(e.code())) {
                throw new SyncException.DeviceRevoked();
            }
            if (SecondFactorRetry.isSecondFactor(e)) {
                throw e;
            }
            refresh(token);
            return call.apply(accessToken());
        }
    }

    private synchronized void refresh(String stale) {
        if (!stale.equals(accessToken)) {
            return;
        }
        try {
            TokenResponse tokens = http.call("POST", http.url("/v1/keys/token/refresh"), null,
                    new RefreshRequest(refreshToken), TokenResponse.class);
            accessToken = tokens.accessToken();
            refreshToken = tokens.refreshToken();
        } catch (SyncException.Rejected e) {
            if (ErrorCode.DEVICE_REVOKED.wire().equals(e.code())) {
                throw new SyncException.DeviceRevoked();
            }
            throw new SyncException.LoginFailed("The session ended (device revoked or signed out); log in again");
        }
    }

    // ---- blob service -------------------------------------------------------------------------

    void createVault(UUID vaultId, Map<Integer, byte[]> wrappedKeys) {
        authorized(t -> http.call("POST", http.url("/v1/vaults"), t, SyncClient.createVault(vaultId), null));
        for (Map.Entry<Integer, byte[]> key : wrappedKeys.entrySet()) {
            putWrappedKey(vaultId, key.getKey(), key.getValue());
        }
    }

    void putWrappedKey(UUID vaultId, int version, byte[] wrapped) {
        authorized(t -> http.call("PUT", http.url("/v1/vaults/" + vaultId + "/keys/" + version), t,
                SyncClient.putKey(wrapped), null));
    }

    /** Replaces every stored key version with a re-wrap at {@code epoch} (a master-password change). */
    void rewrapKeys(UUID vaultId, int epoch, Map<Integer, byte[]> wraps) {
        java.util.List<dev.termvault.sync.protocol.blobs.WrappedVaultKey> keys = new java.util.ArrayList<>();
        wraps.forEach((version, wrap) -> keys.add(new dev.termvault.sync.protocol.blobs.WrappedVaultKey(version, wrap)));
        authorized(t -> http.call("POST", http.url("/v1/vaults/" + vaultId + "/keys/rewrap"), t,
                new dev.termvault.sync.protocol.blobs.RewrapVaultKeysRequest(epoch, keys), VaultKeyList.class));
    }

    /** The account's vaults. */
    public List<VaultInfo> vaults() {
        return authorized(t -> http.call("GET", http.url("/v1/vaults"), t, null, VaultList.class)).vaults();
    }

    VaultInfo vault(UUID vaultId) {
        return authorized(t -> http.call("GET", http.url("/v1/vaults/" + vaultId), t, null, VaultInfo.class));
    }

    Map<Integer, byte[]> wrappedKeys(UUID vaultId) {
        return SyncClient.keyMap(authorized(t -> http.call("GET", http.url("/v1/vaults/" + vaultId + "/keys"), t,
                null, VaultKeyList.class)));
    }

    ChangePage pull(UUID vaultId, long after, int limit) {
        HttpUrl url = http.url("/v1/vaults/" + vaultId + "/changes").newBuilder()
                .addQueryParameter("after", Long.toString(after))
                .addQueryParameter("limit", Integer.toString(limit)).build();
        return authorized(t -> http.call("GET", url, t, null, ChangePage.class));
    }

    PushResponse push(UUID vaultId, List<PushItem> items) {
        return authorized(t -> http.call("POST", http.url("/v1/vaults/" + vaultId + "/changes"), t,
                new PushRequest(items), PushResponse.class));
    }

    /**
     * Opens the change stream ({@code GET /v1/stream}): the listener hears an event whenever one of the
     * account's vaults changes. The stream carries vault ids and cursors only. Close the returned source.
     */
    public okhttp3.sse.EventSource openStream(okhttp3.sse.EventSourceListener listener) {
        okhttp3.OkHttpClient streaming = http.client().newBuilder()
                .readTimeout(java.time.Duration.ZERO).callTimeout(java.time.Duration.ZERO).build();
        okhttp3.Request request = new okhttp3.Request.Builder().url(http.url("/v1/stream"))
                .header("Authorization", "Bearer " + accessToken())
                .header("Accept", "text/event-stream").build();
        return okhttp3.sse.EventSources.createFactory(streaming).newEventSource(request, listener);
    }

    // ---- key service: devices ------------------------------------------------------------------

    /**
     * Replaces the account's salt, KDF parameters and SRP verifier ({@code POST /v1/keys/account/password});
     * the request carries a fresh proof made with the current credentials. Not retried after a refresh: a
     * proof's loginId is spent by its first use.
     */
    dev.termvault.sync.protocol.keys.ChangeVerifierResponse changeVerifier(
            dev.termvault.sync.protocol.keys.ChangeVerifierRequest request) {
        return http.call("POST", http.url("/v1/keys/account/password"), accessToken(), request,
                dev.termvault.sync.protocol.keys.ChangeVerifierResponse.class);
    }

    /** The account's devices. */
    public List<DeviceView> devices() {
        return authorized(t -> http.call("GET", http.url("/v1/keys/devices"), t, null, DeviceList.class)).devices();
    }

    /**
     * A page of the account's audit log kept by the key service (logins, share releases, device and password
     * changes): entries after sequence number {@code after}, at most {@code limit}.
     */
    public AuditLogPage auditLog(long after, int limit) {
        HttpUrl url = http.url("/v1/keys/audit").newBuilder()
                .addQueryParameter("after", Long.toString(after))
                .addQueryParameter("limit", Integer.toString(limit)).build();
        return authorized(t -> http.call("GET", url, t, null, AuditLogPage.class));
    }

    /** Renames a device of the account (the name other devices see). */
    public void renameDevice(String id, String name) {
        authorized(t -> http.call("PATCH", http.url("/v1/keys/devices/" + id), t,
                new dev.termvault.sync.protocol.keys.RenameDeviceRequest(name), null));
    }

    /** Revokes a device: its tokens stop working at once. */
    public void revokeDevice(String id) {
        authorized(t -> http.call("POST", http.url("/v1/keys/devices/" + id + "/revoke"), t, null, null));
    }

    @Override
    public String toString() {
        return "AccountSession[account=" + accountId + ", device=" + deviceId + "]";
    }
}
