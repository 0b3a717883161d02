package dev.termvault.vault.internal.store;

import java.util.UUID;

/**
 * One local change waiting to be sent.
 *
 * @param seq         the outbox order
 * @param vaultId     the vault
 * @param recordId    the record
 * @param revision    the revision written
 * @param operation   PUT, DELETE or REWRAP
 * @param createdSeq  the local change sequence of the write
 */
public record OutboxEntry(long seq, UUID vaultId, UUID recordId, long revision, String operation, long createdSeq) {
}
