package dev.termvault.vault.internal.envelope;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a record version lives: its vault, its id and its revision. An envelope is sealed to one
 * address and opens only at that address.
 */
public record RecordAddress(UUID vaultId, UUID recordId, long revision) {

    public RecordAddress {
        Objects.requireNonNull(vaultId, "vaultId");
        Objects.requireNonNull(recordId, "recordId");
        if (revision < 0) {
            throw new IllegalArgumentException("revision must not be negative");
        }
    }
}
