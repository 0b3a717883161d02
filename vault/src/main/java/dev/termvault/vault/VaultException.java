package dev.termvault.vault;

import java.util.Optional;
import java.util.UUID;

/**
 * The vault module's error family. Every message is safe to show a person: it never contains a key,
 * a password, a plaintext or a detail of which cryptographic check failed, and no cryptographic cause
 * is chained.
 *
 * <p>The family is sealed: every member is a nested class of this file, so callers can switch over it
 * exhaustively. Add a new kind of error as another nested class here.
 */
public abstract sealed class VaultException extends RuntimeException {

    private VaultException(String message) {
        super(message, null, false, false);
    }

    /** The master password (or the Secret Key that goes with it) is not the right one. */
    public static final class WrongPassword extends VaultException {
        public WrongPassword() {
            super("wrong password or Secret Key");
        }
    }

    /**
     * Stored or received data failed authentication or is malformed: it was damaged or changed by
     * someone without the keys. Names the record when it is known.
     */
    public static final class Tampered extends VaultException {
        private final UUID recordId;

        /** Data not tied to one known record (a key slot, an account row) failed authentication. */
        public Tampered() {
            super("data is damaged or was tampered with");
            this.recordId = null;
        }

        /** The record with this id failed authentication; other records are unaffected. */
        public Tampered(UUID recordId) {
            super(recordId == null
                    ? "data is damaged or was tampered with"
                    : "record " + recordId + " is damaged or was tampered with");
            this.recordId = recordId;
        }

        /** The record that failed, when known. */
        public Optional<UUID> recordId() {
            return Optional.ofNullable(recordId);
        }
    }

    /** The vault is locked: unlock it with the master password first. */
    public static final class Locked extends VaultException {
        public Locked() {
            super("the vault is locked");
        }
    }

    /** The data was written in a format version (or with an algorithm) this build cannot read. */
    public static final class UnsupportedFormatVersion extends VaultException {
        public UnsupportedFormatVersion(String what) {
            super("unsupported format: " + what + "; a newer Termvault may be needed");
        }
    }

    /**
     * Key-derivation parameters are below the compiled-in floor. Refused before anything is derived
     * from the password, whoever supplied the parameters.
     */
    public static final class WeakKdfParameters extends VaultException {
        public WeakKdfParameters(String detail) {
            super("key-derivation parameters are weaker than allowed: " + detail);
        }
    }

    /**
     * Key-derivation parameters are above the compiled-in ceiling (they would make this device do
     * unbounded work). Refused before anything is derived.
     */
    public static final class KdfParametersOutOfRange extends VaultException {
        public KdfParametersOutOfRange(String detail) {
            super("key-derivation parameters are larger than allowed: " + detail);
        }
    }

    /** A typed Secret Key is malformed or its checksum does not match (a character is mistyped). */
    public static final class InvalidSecretKey extends VaultException {
        public InvalidSecretKey(String detail) {
            super("invalid Secret Key: " + detail);
        }
    }

    /** The requested record (or vault, or key) does not exist. */
    public static final class NotFound extends VaultException {
        public NotFound(String what) {
            super("not found: " + what);
        }
    }

    /** The folder holds no vault (or a file that is not a Termvault vault). */
    public static final class NotAVault extends VaultException {
        public NotAVault(String where) {
            super("no vault in " + where);
        }
    }

    /** A vault already exists where a new one was to be created; it is left untouched. */
    public static final class AlreadyExists extends VaultException {
        public AlreadyExists(String where) {
            super("a vault already exists in " + where);
        }
    }

    /**
     * The vault's files could not be read or written (disk full, folder not writable, file locked by
     * another program for too long, file damaged). Whatever the failed call was doing was not saved.
     */
    public static final class StorageFailed extends VaultException {
        public StorageFailed(String message) {
            super(message);
        }
    }
}
