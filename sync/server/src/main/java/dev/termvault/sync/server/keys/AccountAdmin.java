package dev.termvault.sync.server.keys;

import dev.termvault.sync.protocol.keys.AuditEntryView;
import dev.termvault.sync.protocol.keys.AuditLogPage;
import dev.termvault.sync.protocol.keys.DeviceList;
import dev.termvault.sync.protocol.keys.DeviceView;
import dev.termvault.sync.server.ApiException;
import dev.termvault.sync.server.auth.Caller;
import dev.termvault.sync.server.keys.crypto.TokenSigner;
import dev.termvault.sync.server.keys.store.AccountStore;
import dev.termvault.sync.server.keys.store.AuditDraft;
import dev.termvault.sync.server.keys.store.DeviceStore;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a logged-in account does to itself: its devices and its audit log. Every method acts only on the
 * caller's own account; another account's device is answered exactly like a missing one.
 */
public final class AccountAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(AccountAdmin.class);
    static final int MAX_AUDIT_PAGE = 1000;

    private final AccountStore accounts;
    private final DeviceStore devices;
    private final TokenSigner signer;
    private final RevocationSender revocations;

    AccountAdmin(AccountStore accounts, DeviceStore devices, TokenSigner signer, RevocationSender revocations) {
        this.accounts = accounts;
        this.devices = devices;
        this.signer = signer;
        this.revocations = revocations;
    }

    /** The caller of a {@code Bearer} access token; {@code unauthorized} for anything else. */
    public Caller authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException.Unauthorized("an access token is required");
        }
        TokenSigner.AccessClaims claims = signer.verifyAccess(authorization.substring(7).strip())
                .orElseThrow(() -> new ApiException.Unauthorized("invalid token"));
        if (!devices.isActive(claims.accountId(), claims.deviceId())) {
            throw new ApiException.Unauthorized("this device's access was revoked");
        }
        return new Caller(claims.accountId(), claims.deviceId());
    }

    public DeviceList devices(Caller caller) {
        return new DeviceList(devices.list(caller.accountId()).stream()
                .map(d -> new DeviceView(d.id(), d.name(), d.createdAt(), d.lastSeenAt(), d.revokedAt(),
                        d.id().equals(caller.deviceId())))
                .toList());
    }

    public void rename(Caller caller, String deviceId, String name, String address) {
        String clean = Inputs.deviceName(name);
        if (!devices.rename(caller.accountId(), Inputs.deviceId(deviceId), clean,
                new AuditDraft(AuditEvent.DEVICE_RENAMED, caller.deviceId(), address, deviceId + ": " + clean))) {
            throw new ApiException.NotFound("no such device");
        }
    }

    public void revoke(Caller caller, String deviceId, String address) {
        DeviceStore.RevokeResult result = devices.revoke(caller.accountId(), Inputs.deviceId(deviceId),
                new AuditDraft(AuditEvent.DEVICE_REVOKED, caller.deviceId(), address, deviceId));
        if (result == DeviceStore.RevokeResult.NOT_FOUND) {
            throw new ApiException.NotFound("no such device");
        }
        LOG.info("event=device_revoked account={} device={}", caller.accountId(), deviceId);
        revocations.send(caller.accountId(), deviceId);
    }

    public AuditLogPage audit(Caller caller, long after, int limit) {
        if (after < 0 || limit < 1 || limit > MAX_AUDIT_PAGE) {
            throw new ApiException.BadRequest("after must be >= 0 and limit 1 to " + MAX_AUDIT_PAGE);
        }
        AccountStore.AuditHead head = accounts.auditHead(caller.accountId());
        HexFormat hex = HexFormat.of();
        List<AuditEntryView> entries = accounts.auditEntries(caller.accountId(), after, limit).stream()
                .map(e -> new AuditEntryView(e.seq(), e.atMillis(), e.deviceId(), e.address(), e.event(), e.detail(),
                        hex.formatHex(e.prevHash()), hex.formatHex(e.hash())))
                .toList();
        return new AuditLogPage(caller.accountId(), entries, head.seq(), hex.formatHex(head.hash()));
    }
}
