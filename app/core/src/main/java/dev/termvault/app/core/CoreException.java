package dev.termvault.app.core;

import java.util.List;
import java.util.Map;

/**
 * What a use case refuses to do, with a message safe to show to a person. Both front ends map the family the
 * same way (the CLI to its exit codes, the desktop app to an inline message). Failures of the vault itself stay
 * {@code VaultException}s and pass through unchanged.
 *
 * <p>The family is sealed: every member is a nested class of this file, so callers can switch over it.
 */
public abstract sealed class CoreException extends RuntimeException {

    private CoreException(String message) {
        super(message);
    }

    /** No record of that kind answers to the reference. */
    public static final class NotFound extends CoreException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** More than one record answers to the reference; the message names them. */
    public static final class Ambiguous extends CoreException {
        private final List<String> candidates;

        public Ambiguous(String message, List<String> candidates) {
            super(message);
            this.candidates = List.copyOf(candidates);
        }

        public List<String> candidates() {
            return candidates;
        }
    }

    /**
     * What was asked for would take a name or a place that is already taken: a second key of the same name, a
     * file that exists and was not to be replaced.
     */
    public static final class AlreadyExists extends CoreException {
        public AlreadyExists(String message) {
            super(message);
        }
    }

    /** The input does not make a valid record: one message per field (field name → message), in order. */
    public static final class Invalid extends CoreException {
        private final Map<String, String> fieldErrors;

        public Invalid(String message, Map<String, String> fieldErrors) {
            super(message);
            this.fieldErrors = Map.copyOf(fieldErrors);
        }

        public Invalid(String message) {
            this(message, Map.of());
        }

        public Map<String, String> fieldErrors() {
            return fieldErrors;
        }
    }

    /** The record may be among those that could not be read (damaged or tampered). */
    public static final class Unreadable extends CoreException {
        public Unreadable(String message) {
            super(message);
        }
    }

    /** Doing it needs an explicit confirmation the caller did not give (a private key export, say). */
    public static final class NotConfirmed extends CoreException {
        public NotConfirmed(String message) {
            super(message);
        }
    }
}
