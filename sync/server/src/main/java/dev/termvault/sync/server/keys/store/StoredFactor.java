package dev.termvault.sync.server.keys.store;

/**
 * A second-factor row: its kind-specific secret (for TOTP wrapped by the master key), the replay counter
 * (for TOTP the last accepted time step), and whether it is active (confirmed). {@code confirmedAt} is null
 * until then.
 */
public record StoredFactor(String accountId, String kind, byte[] secret, long counter, boolean active,
                           long createdAt, Long confirmedAt) {

    @Override
    public String toString() {
        return "StoredFactor[" + accountId + " " + kind + (active ? " active" : " pending") + "]";
    }
}
