package dev.termvault.sync.server.store;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owner-only modes for the server's data folder: the folder 0700 and every file in it 0600 (the SQLite stores
 * with their -wal and -shm files, the self-signed TLS key and certificate, the key cache), set when they are
 * made and repaired when the server starts. On a file system without POSIX modes nothing is set or checked:
 * there the folder's ACL must keep others out (docs/operations.md).
 */
public final class DataFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DataFiles.class);
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private DataFiles() {
    }

    /**
     * At start: makes {@code dir} (0700) when missing, and takes group and other permissions off it and off
     * everything in it (symbolic links not followed), logging once what it changed.
     *
     * @param exempt a file left alone: the local master key file, which refuses to load when others could
     *               read it (a key others could read must be replaced, not quietly hidden again)
     * @return what was changed, as {@code path: before -> after}
     */
    public static List<String> prepareFolder(Path dir, Path exempt) throws IOException {
        Path absolute = dir.toAbsolutePath();
        folder(absolute);
        if (!posix(absolute)) {
            return List.of();
        }
        Path skip = exempt == null ? null : exempt.toAbsolutePath().normalize();
        List<String> repaired = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(absolute)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(path) || path.normalize().equals(skip)) {
                    continue;
                }
                String change = restrict(path);
                if (change != null) {
                    repaired.add(absolute.relativize(path) + ": " + change);
                }
            }
        }
        if (!repaired.isEmpty()) {
            LOG.warn("event=data_folder_repaired folder={} changed={}", absolute, repaired);
        }
        return List.copyOf(repaired);
    }

    /**
     * Makes {@code file} empty with mode 0600 when missing (its folder 0700 when missing), or takes group and
     * other permissions off it. Called before SQLite opens a store file: SQLite gives the -wal and -shm files
     * it makes the database file's mode.
     */
    public static void ownerOnlyFile(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        folder(absolute.getParent());
        if (!posix(absolute)) {
            return;
        }
        try {
            Files.createFile(absolute, PosixFilePermissions.asFileAttribute(FILE));
            Files.setPosixFilePermissions(absolute, FILE);
        } catch (FileAlreadyExistsException exists) {
            restrict(absolute);
        }
    }

    private static void folder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (dir.getParent() != null) {
            Files.createDirectories(dir.getParent());
        }
        if (!posix(dir)) {
            Files.createDirectories(dir);
            return;
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(FOLDER));
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.setPosixFilePermissions(dir, FOLDER);
    }

    /** Removes the group and other bits; the change as {@code before -> after}, null when there were none. */
    private static String restrict(Path path) throws IOException {
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> after = EnumSet.noneOf(PosixFilePermission.class);
        after.addAll(before);
        after.removeAll(OTHERS);
        if (after.equals(before)) {
            return null;
        }
        Files.setPosixFilePermissions(path, after);
        return PosixFilePermissions.toString(before) + " -> " + PosixFilePermissions.toString(after);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
