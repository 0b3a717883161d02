package dev.termvault.app.core.keys;

import dev.termvault.app.core.CoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a secret file readable by its owner only (0600 where the file system has POSIX permissions). The text
 * goes to a temporary file made with those permissions in the same folder, then is moved into place, so the
 * secret is never in a file others can read, not even for a moment.
 */
final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    /**
     * @throws CoreException.AlreadyExists when {@code file} exists and {@code overwrite} is false
     */
    static void write(Path file, String text, boolean overwrite) throws IOException {
        Path target = file.toAbsolutePath();
        if (!overwrite && Files.exists(target)) {
            throw exists(file);
        }
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, ".termvault-", ".tmp", ownerOnly(folder));
        try {
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            if (overwrite) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(temporary, target);
            }
        } catch (FileAlreadyExistsException e) {
            throw exists(file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path folder) {
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    static CoreException.AlreadyExists exists(Path file) {
        return new CoreException.AlreadyExists("The file " + file + " already exists; nothing was written."
                + " Choose another file or allow replacing it.");
    }
}
