package dev.termvault.app.core.imports;

/**
 * How far a running import is. Called on the thread that runs the import; a front end hands the values to its own
 * thread.
 */
@FunctionalInterface
public interface ImportProgress {

    /** Progress nobody watches. */
    ImportProgress NONE = (stage, done, total, item) -> { };

    /** What the import is doing. */
    enum Stage {
        /** Reading key files (and asking for their passphrases); nothing is written yet. */
        READING,
        /** Writing records, one at a time (the known host keys together). */
        WRITING
    }

    /**
     * @param stage what the import is doing
     * @param done  the steps of this stage done so far
     * @param total the steps of this stage
     * @param item  what the next or last step is about, for people (a file, a host label)
     */
    void update(Stage stage, int done, int total, String item);
}
