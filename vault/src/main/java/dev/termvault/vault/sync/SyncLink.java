package dev.termvault.vault.sync;

/** The sync account this vault folder is linked to: server address, pinned fingerprint, email, account id. */
public record SyncLink(String serverUrl, String fingerprint, String email, String accountId) {
}
