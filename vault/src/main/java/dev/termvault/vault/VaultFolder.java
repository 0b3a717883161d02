package dev.termvault.vault;

import dev.termvault.vault.internal.store.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files kept in a vault folder besides the database (the sync history, the desktop's settings) are private
 * to their owner like the database: the folder is 0700 and every file 0600 on POSIX systems, set when a file
 * is made and repaired when the vault is opened ({@link Vault#fileModeRepairs()}). On Windows the folder's
 * ACL must keep others out (docs/security/local-storage.md).
 */
public final class VaultFolder {

    private static final Logger LOG = LoggerFactory.getLogger(VaultFolder.class);

    private VaultFolder() {
    }

    /**
     * Makes {@code file} empty and owner-only (0600) when missing, or takes group and other permissions off it:
     * call it before writing a file into a vault folder, so it is never readable by others.
     */
    public static void ownerOnlyFile(Path file) throws IOException {
        OwnerOnlyFiles.file(file);
    }

    /** The repairs made when the vault in {@code dir} was opened, logged once here. */
    static List<FileModeRepair> notice(Path dir, List<OwnerOnlyFiles.Repair> repairs) {
        List<FileModeRepair> repaired = repairs.stream()
                .map(r -> new FileModeRepair(r.path(), r.before(), r.after())).toList();
        if (!repaired.isEmpty()) {
            LOG.warn("The vault folder {} let other users read its files; made them private to their owner: {}",
                    dir, repaired.stream().map(FileModeRepair::message).collect(Collectors.joining("; ")));
        }
        return repaired;
    }
}
