package dev.termvault.sync.server.keys.store;

import dev.termvault.sync.server.keys.AuditEvent;

/** An audit entry still to be chained: what happened, from which device and address, with a short detail. */
public record AuditDraft(AuditEvent event, String deviceId, String address, String detail) {

    public AuditDraft withDevice(String device) {
        return new AuditDraft(event, device, address, detail);
    }

    public AuditDraft as(AuditEvent other, String otherDetail) {
        return new AuditDraft(other, deviceId, address, otherDetail);
    }
}
