package dev.termvault.vault.model;

/** How a host authenticates a person. */
public enum AuthMethod {
    /** The host's key if one is set, then its password, then keyboard-interactive prompts. */
    AUTO,
    /** Only the host's own key. */
    KEY,
    /** Only the host's credential (password). */
    PASSWORD,
    /** Only keyboard-interactive prompts answered by the person. */
    KEYBOARD_INTERACTIVE
}
