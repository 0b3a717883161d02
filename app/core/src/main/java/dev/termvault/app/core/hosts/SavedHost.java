package dev.termvault.app.core.hosts;

import dev.termvault.vault.VaultRecord;

/**
 * A host that was added or changed.
 *
 * @param record        the stored record
 * @param newCredential the credential made for a new password, null when none was given
 * @param newGroup      the group made for a group name no group had, null when none was made
 */
public record SavedHost(VaultRecord record, RecordRef newCredential, RecordRef newGroup) {
}
