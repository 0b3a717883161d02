package dev.termvault.app.core.account;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a folder held before a vault was made in it, so that a failed sign-in or a cancelled account creation
 * can remove exactly what it made (the folder too, when it did not exist before) and nothing else.
 */
final class VaultFolder {

    private static final Logger LOG = LoggerFactory.getLogger(VaultFolder.class);

    private final Path dir;
    private final boolean existed;
    private final Set<Path> before;

    private VaultFolder(Path dir) {
        this.dir = dir;
        this.existed = Files.isDirectory(dir);
        this.before = listing(dir);
    }

    /** Notes what {@code dir} holds now. */
    static VaultFolder before(Path dir) {
        return new VaultFolder(dir);
    }

    /** Deletes what appeared in the folder since {@link #before}, and the folder if it was made too. */
    void removeWhatAppeared() {
        for (Path p : listing(dir)) {
            if (!before.contains(p)) {
                delete(p);
            }
        }
        if (!existed && listing(dir).isEmpty()) {
            delete(dir);
        }
    }

    private static void delete(Path p) {
        try (Stream<Path> tree = Files.walk(p)) {
            for (Path q : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove {} after a failed sign-in ({})", p, e.getMessage());
        }
    }

    private static Set<Path> listing(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return new HashSet<>(files.toList());
        } catch (IOException e) {
            return Set.of();
        }
    }
}
