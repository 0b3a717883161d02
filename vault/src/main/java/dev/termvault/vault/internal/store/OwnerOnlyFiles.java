package dev.termvault.vault.internal.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Owner-only modes for a vault folder and what is in it: the folder 0700, every file 0600, set when they are
 * made (whatever the umask) and repaired when the vault is opened. On a file system without POSIX modes
 * (Windows) nothing is set or checked: there the folder's ACL must keep others out (docs/security/
 * local-storage.md).
 */
public final class OwnerOnlyFiles {

    /** rwx------ */
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    /** rw------- */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /**
     * A file or folder whose mode let others in, and the mode it was given.
     *
     * @param path   the file or folder
     * @param before its mode before, as {@code ls} shows it ({@code rw-r--r--})
     * @param after  its mode now
     */
    public record Repair(Path path, String before, String after) {
    }

    private OwnerOnlyFiles() {
    }

    /** Whether {@code path}'s file system has POSIX modes. */
    public static boolean posix(Path path) {
        return path.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Before a vault database is opened: what let others in is repaired first, then (when {@code create}) the
     * folder is made 0700 and a new database file 0600 before SQLite opens it, so SQLite makes its -wal and
     * -shm files with that mode too (it gives them the database file's mode).
     *
     * @return what was repaired
     */
    static List<Repair> prepare(Path dir, Path database, boolean create) {
        try {
            if (create) {
                folder(dir);
            }
            List<Repair> repairs = repair(dir);
            if (create && !Files.exists(database)) {
                file(database);
            }
            return repairs;
        } catch (IOException e) {
            throw new VaultStoreException("Cannot make the vault folder private to its owner", e);
        }
    }

    /** Makes {@code dir} (0700) when it is missing; missing parents are made as usual. */
    public static void folder(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        if (!posix(absolute)) {
            Files.createDirectories(absolute);
            return;
        }
        try {
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.setPosixFilePermissions(absolute, FOLDER);
    }

    /**
     * Makes {@code file} empty with mode 0600 when it is missing, or takes group and other permissions off
     * it when it exists: call it before writing a file in a vault folder, so it is never readable by others,
     * not even for a moment. Its folder is made (0700) when missing.
     */
    public static void file(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        folder(absolute.getParent());
        if (!posix(absolute)) {
            if (!Files.exists(absolute)) {
                Files.createFile(absolute);
            }
            return;
        }
        try {
            Files.createFile(absolute, PosixFilePermissions.asFileAttribute(FILE));
            Files.setPosixFilePermissions(absolute, FILE);
        } catch (FileAlreadyExistsException exists) {
            restrict(absolute);
        }
    }

    /**
     * Takes group and other permissions off {@code dir} and everything in it (symbolic links are not
     * followed). Owner permissions are left as they are.
     *
     * @return what was changed, empty when everything was owner-only (and always on a non-POSIX system)
     */
    public static List<Repair> repair(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (!Files.isDirectory(absolute) || !posix(absolute)) {
            return List.of();
        }
        List<Repair> repairs = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(absolute)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                Repair repair = restrict(path);
                if (repair != null) {
                    repairs.add(repair);
                }
            }
        }
        return List.copyOf(repairs);
    }

    /** Removes the group and other bits; null when there were none. */
    private static Repair restrict(Path path) throws IOException {
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> after = EnumSet.noneOf(PosixFilePermission.class);
        after.addAll(before);
        after.removeAll(OTHERS);
        if (after.equals(before)) {
            return null;
        }
        Files.setPosixFilePermissions(path, after);
        return new Repair(path, PosixFilePermissions.toString(before), PosixFilePermissions.toString(after));
    }
}
