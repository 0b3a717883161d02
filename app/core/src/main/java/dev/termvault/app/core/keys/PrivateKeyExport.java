package dev.termvault.app.core.keys;

import java.nio.file.Path;

/**
 * What exporting a private key needs besides the key and its new passphrase.
 *
 * @param file      where to write it
 * @param confirmed the person said yes to what it means: the file logs in wherever the key is authorized, with
 *                  nothing but its passphrase to protect it
 * @param overwrite replace {@code file} when it exists (else the export is refused)
 */
public record PrivateKeyExport(Path file, boolean confirmed, boolean overwrite) {

    /** What a front end says when it asks for the confirmation. */
    public static final String WARNING = "The exported file can log in to every host that trusts this key,"
            + " protected only by the passphrase you give it now. Anyone who copies the file can try to guess it.";
}
