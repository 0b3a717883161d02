package dev.termvault.sync.client;

/**
 * Something sync did that a person should know about: a conflict copy was made, or a record deleted on
 * one side and edited on the other was restored.
 *
 * @param kind     what happened
 * @param recordId the record concerned
 * @param copyId   the conflict copy's id (only for {@link Kind#CONFLICT_COPY})
 */
public record SyncNotice(Kind kind, String recordId, String copyId) {

    public enum Kind {
        /** Both sides changed the same field: the other version is kept as a new record. */
        CONFLICT_COPY,
        /** Edited here, deleted on another device: the edit was kept and the record restored. */
        RESTORED_LOCAL_EDIT,
        /** Deleted here, edited on another device: the edit was kept and the record restored. */
        RESTORED_REMOTE_EDIT
    }

    /** A sentence for the person. */
    public String message() {
        return switch (kind) {
            case CONFLICT_COPY -> "A record was changed on two devices; the other version is kept as a conflict copy";
            case RESTORED_LOCAL_EDIT -> "A record deleted on another device was restored because it was edited here";
            case RESTORED_REMOTE_EDIT -> "A record deleted here was restored because it was edited on another device";
        };
    }
}
