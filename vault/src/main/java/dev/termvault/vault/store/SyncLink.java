package dev.termvault.vault.store;

/** The sync account this vault folder is linked to: server address, pinned fingerprint, email, account id. */
public record SyncLink(String serverUrl, String fingerprint, String email, String accountId) {
}
