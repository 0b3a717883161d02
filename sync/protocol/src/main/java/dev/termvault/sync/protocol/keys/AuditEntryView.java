package dev.termvault.sync.protocol.keys;

/**
 * One audit entry with its chain values (hex). {@code hash} = SHA-256(prevHash ‖ canonical entry); see
 * docs/security/key-service.md for the canonical encoding, so a client can check the chain itself.
 */
public record AuditEntryView(long seq, long at, String deviceId, String address, String event, String detail,
                             String prevHash, String hash) {
}
