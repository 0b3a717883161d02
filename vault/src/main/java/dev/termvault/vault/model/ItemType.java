package dev.termvault.vault.model;

/** The kinds of record a vault holds. */
public enum ItemType {
    HOST, SSH_KEY, CREDENTIAL, KNOWN_HOST, SNIPPET, GROUP
}
