package dev.termvault.app.ssh;

/** What to do with a host key that is not on record. A revoked key is refused under every policy. */
public enum HostKeyPolicy {
    /** Ask the person on first use (showing the SHA256 fingerprint); ask with a warning if the key changed. */
    ASK_ON_FIRST_USE,
    /** Connect only to hosts whose key is already on record; never ask. */
    REQUIRE_KNOWN
}
