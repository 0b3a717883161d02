package dev.termvault.sync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's data folder is 0700 and every file in it 0600, made so and repaired at start. */
class DataFolderModesTest {

    @TempDir
    Path parent;

    @BeforeEach
    void posixOnly() {
        assumeTrue(parent.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file modes only");
    }

    private static SyncServer start(Path data) {
        return SyncServer.start(ServerConfig.of(Map.of("server.data", data.toString(), "server.port", "0")));
    }

    @Test
    void start_freshDataFolder_folderAndEveryFileOwnerOnlyWhileRunning() throws Exception {
        Path data = parent.resolve("data");
        SyncServer server = start(data);
        try {
            Map<String, String> modes = modes(data);

            assertThat(modes).containsKeys(".", "keys.db", "keys.db-wal", "keys.db-shm", "blobs.db", "blobs.db-wal",
                    "keys-master.key", "tls", "tls/server-key.pem", "tls/server-cert.pem");
            assertThat(modes).allSatisfy((name, mode) -> assertThat(mode).as(name)
                    .isEqualTo(Files.isDirectory(data.resolve(name)) ? "rwx------" : "rw-------"));
        } finally {
            server.close();
        }
    }

    @Test
    void start_dataFolderReadableByOthers_isRepairedButAnExposedMasterKeyIsStillRefused() throws Exception {
        Path data = parent.resolve("data");
        start(data).close();
        for (String name : new String[] {".", "tls"}) {
            Files.setPosixFilePermissions(data.resolve(name), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (String name : new String[] {"keys.db", "blobs.db", "tls/server-cert.pem"}) {
            Files.setPosixFilePermissions(data.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }

        SyncServer again = start(data);
        try {
            assertThat(modes(data)).allSatisfy((name, mode) -> assertThat(mode).as(name)
                    .isEqualTo(Files.isDirectory(data.resolve(name)) ? "rwx------" : "rw-------"));
        } finally {
            again.close();
        }

        Files.setPosixFilePermissions(data.resolve("keys-master.key"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> start(data).close()).hasMessageContaining("chmod 600");
        assertThat(mode(data.resolve("keys-master.key"))).as("left for the operator to replace").isEqualTo("rw-r--r--");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** Path relative to {@code dir} ("." for itself) to mode, for the folder and everything in it. */
    private static Map<String, String> modes(Path dir) throws IOException {
        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                String name = dir.equals(path) ? "." : dir.relativize(path).toString();
                modes.put(name, mode(path));
            }
        }
        return modes;
    }
}
