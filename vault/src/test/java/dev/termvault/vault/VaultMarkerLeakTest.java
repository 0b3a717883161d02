package dev.termvault.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a person typed reaches the disk in clear: a child JVM (its temporary folder and SQLite's pointed
 * at a fresh folder) fills a vault with 1,000 marked hosts; no marker, in UTF-8, UTF-16LE or UTF-16BE, is in
 * any byte of the vault folder ({@code -wal} and {@code -shm} included) while the vault is open and after it
 * closed, nor in the temporary folder.
 */
class VaultMarkerLeakTest {

    private static final List<String> MARKERS = List.of(MarkerWorker.HOST_MARKER, MarkerWorker.USER_MARKER,
            MarkerWorker.LABEL_MARKER, MarkerWorker.PASSWORD_MARKER);
    private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE);

    @TempDir
    Path vaultDir;

    @TempDir
    Path tmp;

    @TempDir
    Path control;

    @Test
    void thousandMarkedHosts_noMarkerInVaultFilesOrTempFolder_openAndClosed() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
                "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString(),
                "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=" + tmp, "-Dorg.sqlite.tmpdir=" + tmp,
                MarkerWorker.class.getName(), vaultDir.toString())
                .redirectError(tmp.resolve("child.err").toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("SQLITE_TMPDIR", tmp.toString());
        builder.environment().put("TMPDIR", tmp.toString());
        Process child = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.US_ASCII));
             OutputStream in = child.getOutputStream()) {
            String open = out.readLine();
            assertThat(open).as("child stderr: %s", Files.readString(tmp.resolve("child.err")))
                    .isEqualTo("OPEN " + (MarkerWorker.HOSTS + 1 - MarkerWorker.DELETED));
            assertThat(Files.exists(vaultDir.resolve("vault.db-wal"))).isTrue();
            assertThat(findMarkers(vaultDir)).as("markers in the open vault's files").isEmpty();
            assertThat(findMarkers(tmp)).as("markers in the temporary folder").isEmpty();

            in.write("close\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            assertThat(out.readLine()).isEqualTo("CLOSED");
        } finally {
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertThat(child.exitValue()).isZero();
        assertThat(findMarkers(vaultDir)).as("markers in the closed vault's files").isEmpty();
        assertThat(findMarkers(tmp)).as("markers in the temporary folder").isEmpty();
    }

    @Test
    void findMarkers_seesEveryEncoding() throws IOException {
        for (Charset encoding : ENCODINGS) {
            Files.write(control.resolve(encoding.name()), ("xx" + MarkerWorker.HOST_MARKER + "42").getBytes(encoding));
        }
        // UTF-16 text also matches the other byte order one byte off; each file must match its own.
        assertThat(findMarkers(control)).contains(ENCODINGS.stream()
                .map(e -> e.name() + ": " + MarkerWorker.HOST_MARKER + " (" + e + ")").toArray(String[]::new));
    }

    /** "file: marker (encoding)" for every marker found in any file under {@code dir}. */
    private static List<String> findMarkers(Path dir) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (String marker : MARKERS) {
                    for (Charset encoding : ENCODINGS) {
                        if (indexOf(bytes, marker.getBytes(encoding)) >= 0) {
                            found.add(dir.relativize(file) + ": " + marker + " (" + encoding + ")");
                        }
                    }
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
