package dev.termvault.sync.server;

/**
 * Told when the key service revokes a device: from then on every token of that device is refused by the blob
 * service. In one process the key role calls the blob role's listener through {@link Peers}; across
 * processes it POSTs a signed revocation JWT to {@code /v1/internal/revocations}.
 */
public interface RevocationListener {

    /** Records the revocation durably before returning. */
    void deviceRevoked(String accountId, String deviceId);
}
