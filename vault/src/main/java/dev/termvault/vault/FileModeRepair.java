package dev.termvault.vault;

import java.nio.file.Path;

/**
 * A file or folder of a vault folder whose mode let other users in when the vault was opened, and the mode it
 * was given (group and other permissions taken off). A front end can show it as a warning: the file may have
 * been read by others before.
 *
 * @param path   the file or folder
 * @param before its mode before, as {@code ls -l} shows it ({@code rw-r--r--})
 * @param after  its mode now ({@code rw-------})
 */
public record FileModeRepair(Path path, String before, String after) {

    /** One line for a person: {@code vault.db was rw-r--r--, now rw-------}. */
    public String message() {
        return path.getFileName() + " was " + before + ", now " + after;
    }
}
