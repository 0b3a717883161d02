package dev.termvault.sync.server.blobs;

import dev.termvault.sync.protocol.blobs.ChangePage;
import dev.termvault.sync.protocol.blobs.PushItem;
import dev.termvault.sync.protocol.blobs.PushRequest;
import dev.termvault.sync.protocol.blobs.PushResponse;
import dev.termvault.sync.protocol.blobs.StreamEvent;
import dev.termvault.sync.protocol.blobs.Usage;
import dev.termvault.sync.protocol.blobs.VaultInfo;
import dev.termvault.sync.protocol.blobs.VaultKeyList;
import dev.termvault.sync.server.ApiException;
import dev.termvault.sync.server.RevocationListener;
import dev.termvault.sync.server.auth.Caller;
import dev.termvault.sync.server.blobs.store.BlobStore;
import dev.termvault.sync.server.metrics.Metrics;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What the blob service does, apart from HTTP: checks ownership (a vault of another account is "not found",
 * exactly like a vault that does not exist), validates ids and sizes, applies pushes, and announces new
 * cursors on the change stream.
 */
public final class BlobService implements RevocationListener {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final BlobStore store;
    private final BlobLimits limits;
    private final ChangeHub hub;
    private final Clock clock;
    private final Metrics metrics;
    private final Set<String> revokedCache = ConcurrentHashMap.newKeySet();

    public BlobService(BlobStore store, BlobLimits limits, ChangeHub hub, Clock clock, Metrics metrics) {
        this.store = store;
        this.limits = limits;
        this.hub = hub;
        this.clock = clock;
        this.metrics = metrics;
    }

    public BlobLimits limits() {
        return limits;
    }

    /** Creates the vault for the caller; true when new, false when the caller already had it. */
    public boolean createVault(Caller caller, String vaultId) {
        checkId(vaultId, "vaultId");
        return switch (store.createVault(caller.accountId(), vaultId, clock.millis())) {
            case CREATED -> true;
            case ALREADY_YOURS -> false;
            case TAKEN -> throw new ApiException.Conflict("this vault id is taken; choose another");
        };
    }

    public List<VaultInfo> vaults(Caller caller) {
        return store.vaults(caller.accountId());
    }

    public VaultInfo vault(Caller caller, String vaultId) {
        requireOwned(caller, vaultId);
        return store.vault(vaultId).orElseThrow(() -> new ApiException.NotFound("no such vault"));
    }

    /** Stores a wrapped vault key version; true when new. Key versions are write-once. */
    public boolean putKey(Caller caller, String vaultId, int version, byte[] wrapped) {
        requireOwned(caller, vaultId);
        if (version < 1) {
            throw new ApiException.BadRequest("key versions start at 1");
        }
        if (wrapped == null || wrapped.length == 0) {
            throw new ApiException.BadRequest("wrappedKey is required");
        }
        if (wrapped.length > limits.maxWrappedKeyBytes()) {
            throw new ApiException.PayloadTooLarge("a wrapped key is at most " + limits.maxWrappedKeyBytes() + " bytes");
        }
        return switch (store.putKey(caller.accountId(), vaultId, version, wrapped, limits.quotaBytes(), clock.millis())) {
            case STORED -> true;
            case SAME -> false;
            case DIFFERENT -> throw new ApiException.Conflict("key version " + version + " is already stored with other bytes");
        };
    }

    /**
     * Replaces every key version of a vault with the owner's re-wrap at a newer account-key epoch (a
     * master-password change); the same re-wrap again is accepted (a re-run after a lost answer).
     */
    public VaultKeyList rewrapKeys(Caller caller, String vaultId,
                                   dev.termvault.sync.protocol.blobs.RewrapVaultKeysRequest r) {
        requireOwned(caller, vaultId);
        if (r == null || r.epoch() < 1) {
            throw new ApiException.BadRequest("a re-wrap epoch starts at 1");
        }
        if (r.keys() == null || r.keys().isEmpty()) {
            throw new ApiException.BadRequest("keys are required");
        }
        java.util.Map<Integer, byte[]> wraps = new java.util.TreeMap<>();
        for (dev.termvault.sync.protocol.blobs.WrappedVaultKey key : r.keys()) {
            if (key == null || key.keyVersion() < 1 || key.wrappedKey() == null) {
                throw new ApiException.BadRequest("every key needs a version of 1 or more and its wrapped bytes");
            }
            if (key.wrappedKey().length > limits.maxWrappedKeyBytes()) {
                throw new ApiException.PayloadTooLarge("a wrapped key is at most " + limits.maxWrappedKeyBytes() + " bytes");
            }
            if (dev.termvault.sync.protocol.blobs.KeyEpoch.of(key.wrappedKey()) != r.epoch()) {
                throw new ApiException.BadRequest("every re-wrapped key must name epoch " + r.epoch());
            }
            if (wraps.put(key.keyVersion(), key.wrappedKey()) != null) {
                throw new ApiException.BadRequest("key version " + key.keyVersion() + " appears twice");
            }
        }
        return switch (store.rewrapKeys(caller.accountId(), vaultId, r.epoch(), wraps, limits.quotaBytes())) {
            case STORED, SAME -> new VaultKeyList(store.keys(vaultId));
            case STALE -> throw new ApiException.Conflict("the stored keys are already at epoch " + r.epoch()
                    + " or newer");
            case MISMATCH -> throw new ApiException.Conflict("a re-wrap must cover exactly the stored key versions");
        };
    }

    public VaultKeyList keys(Caller caller, String vaultId) {
        requireOwned(caller, vaultId);
        return new VaultKeyList(store.keys(vaultId));
    }

    public ChangePage changes(Caller caller, String vaultId, long after, Integer limit) {
        requireOwned(caller, vaultId);
        if (after < 0) {
            throw new ApiException.BadRequest("after must be 0 or more");
        }
        int n = limit == null ? limits.defaultPage() : limit;
        if (n < 1 || n > limits.maxPage()) {
            throw new ApiException.BadRequest("limit must be between 1 and " + limits.maxPage());
        }
        return store.changes(vaultId, after, n);
    }

    public PushResponse push(Caller caller, String vaultId, PushRequest request) {
        requireOwned(caller, vaultId);
        List<PushItem> items = validate(request);
        BlobStore.Pushed pushed = store.push(caller.accountId(), vaultId, items, limits.quotaBytes(),
                limits.quotaRecords(), clock.millis());
        long conflicts = pushed.results().stream().filter(r -> r.status().equals("conflict")).count();
        metrics.add("termvault_blobs_push_items_total", "pushed items by outcome", items.size() - conflicts,
                "outcome", "applied");
        metrics.add("termvault_blobs_push_items_total", "pushed items by outcome", conflicts, "outcome", "conflict");
        if (pushed.changed()) {
            hub.publish(caller.accountId(), new StreamEvent(vaultId, pushed.cursor()));
        }
        return new PushResponse(pushed.results(), pushed.cursor());
    }

    public Usage usage(Caller caller) {
        return store.usage(caller.accountId(), limits.quotaBytes(), limits.quotaRecords());
    }

    private List<PushItem> validate(PushRequest request) {
        if (request.changes() == null || request.changes().isEmpty()) {
            throw new ApiException.BadRequest("changes must hold at least one item");
        }
        if (request.changes().size() > limits.maxBatch()) {
            throw new ApiException.PayloadTooLarge("a push holds at most " + limits.maxBatch() + " items");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.changes().size(); i++) {
            PushItem item = request.changes().get(i);
            String where = "changes[" + i + "]";
            if (item == null) {
                throw new ApiException.BadRequest(where + " is null");
            }
            checkId(item.recordId(), where + ".recordId");
            if (!seen.add(item.recordId())) {
                throw new ApiException.BadRequest(where + ".recordId appears twice in one push");
            }
            if (item.baseRevision() < 0 || item.revision() <= item.baseRevision()) {
                throw new ApiException.BadRequest(where + ": revision must be greater than baseRevision (>= 0)");
            }
            if (item.delete() == (item.envelope() != null)) {
                throw new ApiException.BadRequest(where + ": give an envelope, or delete = true, not both");
            }
            if (item.envelope() != null && item.envelope().length == 0) {
                throw new ApiException.BadRequest(where + ".envelope is empty");
            }
            if (item.envelope() != null && item.envelope().length > limits.maxEnvelopeBytes()) {
                throw new ApiException.PayloadTooLarge(where + ".envelope is larger than "
                        + limits.maxEnvelopeBytes() + " bytes");
            }
        }
        return request.changes();
    }

    private void requireOwned(Caller caller, String vaultId) {
        checkId(vaultId, "vault id");
        if (!store.owner(vaultId).map(caller.accountId()::equals).orElse(false)) {
            throw new ApiException.NotFound("no such vault");
        }
    }

    private static void checkId(String id, String field) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ApiException.BadRequest(field + " must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
    }

    @Override
    public void deviceRevoked(String accountId, String deviceId) {
        store.revokeDevice(accountId, deviceId, clock.millis());
        revokedCache.add(deviceId);
        metrics.increment("termvault_blobs_revocations_total", "device revocations received");
    }

    /** Whether a device is revoked (revocations are permanent, so positive answers are cached). */
    public boolean isRevoked(String deviceId) {
        if (revokedCache.contains(deviceId)) {
            return true;
        }
        boolean revoked = store.isRevoked(deviceId);
        if (revoked) {
            revokedCache.add(deviceId);
        }
        return revoked;
    }
}
