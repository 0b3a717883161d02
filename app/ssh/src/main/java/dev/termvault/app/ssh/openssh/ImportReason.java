package dev.termvault.app.ssh.openssh;

/**
 * Why a thing an import met ended as it did: the one vocabulary of the OpenSSH readers here and of the vault import
 * built on them (app core). The readers give the reasons about the files; the import adds those about the vault
 * ({@link #NEW}, {@link #ALREADY_IN_VAULT}, {@link #NAME_TAKEN}, ...) and about a run ({@link #CANCELLED},
 * {@link #FAILED}).
 */
public enum ImportReason {
    /** Read from the file and planned (the readers' reason for what they give). */
    FOUND,
    /** Not in the vault yet. */
    NEW,
    /** A host whose key file cannot be imported; the host is written without a key. */
    WITHOUT_KEY,
    /** A key whose name is taken in the vault; it is written under a numbered name. */
    NAME_TAKEN,
    /** An encrypted key file; its passphrase is asked when the import runs. */
    NEEDS_PASSPHRASE,
    /** A host with this label, a key with this public key or this known host key is already in the vault. */
    ALREADY_IN_VAULT,
    /** The same thing came earlier in this import. */
    DUPLICATE,
    /** A wildcard-only Host block: its values are defaults for the hosts, it is not a host. */
    NOT_A_HOST,
    /** A Match block: not evaluated, its lines are not imported. */
    NOT_EVALUATED,
    /** Termvault has no setting for it (a keyword, a value, a kind of line). */
    UNSUPPORTED,
    /** Only the first of several values is used (IdentityFile). */
    ONLY_FIRST_USED,
    /** A line or value that could not be parsed. */
    MALFORMED,
    /** A file that is not there (a key file, an Include pattern that matched nothing). */
    FILE_MISSING,
    /** A file that is there but could not be read. */
    FILE_UNREADABLE,
    /** An encrypted key file for which no passphrase was given. */
    NO_PASSPHRASE,
    /** A key file that could not be read as a key (wrong passphrase, damaged, unsupported). */
    KEY_UNREADABLE,
    /** Jump hosts that lead back to the host. */
    LOOP,
    /** Includes nested deeper than OpenSSH follows them. */
    TOO_DEEP,
    /** Not written: the import was cancelled before it. */
    CANCELLED,
    /** Not written: an error stopped the import before it. */
    FAILED
}
