package dev.termvault.app.core;

/** What deleting a key or a credential does when hosts still log in with it. */
public enum WhenUsed {
    /** Refuse ({@link CoreException.NotConfirmed}) and name the hosts; nothing changes. The safe default. */
    REFUSE,
    /**
     * Delete it and unlink it from those hosts: their key (or credential) reference is cleared, their login
     * method stays, so connecting to one says it has none set until it is given another.
     */
    UNLINK
}
