package dev.termvault.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vault folder is 0700 and every file in it 0600, whatever the umask, and a folder that let others in is
 * repaired when the vault is opened.
 */
class VaultFileModesTest {

    @TempDir
    Path parent;

    @TempDir
    Path control;

    @BeforeEach
    void posixOnly() {
        assumeTrue(parent.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file modes only");
    }

    @Test
    void create_underUmask000_folderIs0700AndEveryFile0600WhileOpenAndAfterClose() throws Exception {
        Path dir = parent.resolve("vault");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "umask 000 && exec \"$0\" -cp \"$1\" --enable-native-access=ALL-UNNAMED \"$2\" \"$3\" \"$4\"";
        Process child = new ProcessBuilder("sh", "-c", command, java, System.getProperty("java.class.path"),
                FileModeWorker.class.getName(), dir.toString(), control.toString())
                .redirectError(control.resolve("child.err").toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.US_ASCII));
             OutputStream in = child.getOutputStream()) {
            assertThat(out.readLine()).as("child stderr: %s", Files.readString(control.resolve("child.err")))
                    .isEqualTo("OPEN");
            assertThat(mode(control.resolve("umask-probe"))).as("the child's umask is permissive")
                    .isEqualTo("rw-rw-rw-");
            assertThat(modes(dir)).containsKeys("vault.db", "vault.db-wal", "vault.db-shm", FileModeWorker.SIDE_FILE)
                    .allSatisfy((name, mode) -> assertThat(mode).as(name).isEqualTo("rw-------"));
            assertThat(mode(dir)).isEqualTo("rwx------");

            in.write("close\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            assertThat(out.readLine()).isEqualTo("CLOSED");
        } finally {
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertThat(child.exitValue()).isZero();
        assertThat(modes(dir)).containsKey("vault.db")
                .allSatisfy((name, mode) -> assertThat(mode).as(name).isEqualTo("rw-------"));
        assertThat(mode(dir)).isEqualTo("rwx------");
    }

    @Test
    void open_folderAndFilesReadableByOthers_repairedTo0700And0600WithANotice() throws Exception {
        Path dir = parent.resolve("vault");
        Vault.createLocal(dir, "file mode test password".toCharArray()).vault().close();
        Files.writeString(dir.resolve("gui.properties"), "theme=dark\n");
        for (String name : List.of("vault.db", "gui.properties")) {
            Files.setPosixFilePermissions(dir.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        List<FileModeRepair> repairs;
        try (Vault vault = Vault.open(dir)) {
            repairs = vault.fileModeRepairs();
            assertThat(modes(dir)).allSatisfy((name, mode) -> assertThat(mode).as(name).isEqualTo("rw-------"));
        }

        assertThat(repairs).extracting(FileModeRepair::message).containsExactlyInAnyOrder(
                "vault was rwxr-xr-x, now rwx------",
                "vault.db was rw-r--r--, now rw-------",
                "gui.properties was rw-r--r--, now rw-------");
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(modes(dir)).allSatisfy((name, mode) -> assertThat(mode).as(name).isEqualTo("rw-------"));
        try (Vault again = Vault.open(dir)) {
            assertThat(again.fileModeRepairs()).as("nothing left to repair").isEmpty();
        }
    }

    @Test
    void ownerOnlyFile_existingFileReadableByOthers_losesGroupAndOtherBits() throws IOException {
        Path file = parent.resolve("settings");
        Files.writeString(file, "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

        VaultFolder.ownerOnlyFile(file);

        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** File name to mode for every regular file in {@code dir}. */
    private static Map<String, String> modes(Path dir) throws IOException {
        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                modes.put(file.getFileName().toString(), mode(file));
            }
        }
        return modes;
    }
}
