package dev.termvault.app.core.imports;

import java.util.Objects;

import dev.termvault.app.ssh.openssh.ImportReason;

/**
 * One line of an import's plan or outcome: what it is about, what happens (or happened) to it and why. Front ends
 * show these rows as they are and switch over the enums; {@link #message()} is for people and never parsed.
 *
 * @param kind      what kind of thing the row is about
 * @param reference which one: a host alias, a key file path, a known host pattern, a config line's place
 * @param action    what the import does with it
 * @param reason    why (the reasons are shared with the OpenSSH readers the import is built on)
 * @param message   the reason and what it becomes, in words a person understands
 */
public record ImportRow(Kind kind, String reference, Action action, ImportReason reason, String message) {

    /** What a row is about. */
    public enum Kind {
        /** A host record (an ssh_config alias or a jump host). */
        HOST,
        /** A key record read from a private key file. */
        KEY,
        /** A known host key (one host name of a known_hosts line), or a known_hosts line that is not one. */
        KNOWN_HOST,
        /** A part of an ssh_config that is not a host: a block, a keyword, a value, an Include. */
        CONFIG
    }

    /**
     * What the import does. There is no update: an import never changes a record that is already in the vault.
     */
    public enum Action {
        /** A new record is (or was) written. */
        ADD,
        /** The same record is already in the vault; it is left as it is and used for links. */
        KEEP,
        /** Nothing is written for it. */
        SKIP,
        /** Nothing to write, but worth knowing (defaults taken from a wildcard block, say). */
        NOTE
    }

    public ImportRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** This row with another action, reason and message (what became of it). */
    ImportRow with(Action newAction, ImportReason newReason, String newMessage) {
        return new ImportRow(kind, reference, newAction, newReason, newMessage);
    }
}
