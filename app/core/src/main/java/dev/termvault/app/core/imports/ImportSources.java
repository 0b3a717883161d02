package dev.termvault.app.core.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.termvault.app.core.imports.ImportRow.Kind;

/**
 * What to import from: an ssh_config file (with the key files it names), a known_hosts file, and private key files.
 *
 * @param sshConfig  the ssh_config file, or null
 * @param knownHosts the known_hosts file, or null
 * @param keyFiles   private key files to import besides those the ssh_config names (each once)
 * @param home       the home directory: {@code ~} in ssh_config, and {@code ~/.ssh} for relative Include paths
 */
public record ImportSources(Path sshConfig, Path knownHosts, List<Path> keyFiles, Path home) {

    public ImportSources {
        sshConfig = sshConfig == null ? null : normal(sshConfig);
        knownHosts = knownHosts == null ? null : normal(knownHosts);
        Set<Path> keys = new LinkedHashSet<>();
        keyFiles.forEach(file -> keys.add(normal(file)));
        keyFiles = List.copyOf(keys);
        home = normal(Objects.requireNonNull(home, "home"));
    }

    /** An ssh_config file and the key files it names. */
    public static ImportSources sshConfig(Path file, Path home) {
        return new ImportSources(file, null, List.of(), home);
    }

    /** A known_hosts file. */
    public static ImportSources knownHosts(Path file, Path home) {
        return new ImportSources(null, file, List.of(), home);
    }

    /** Whether there is nothing to import from. */
    public boolean isEmpty() {
        return sshConfig == null && knownHosts == null && keyFiles.isEmpty();
    }

    /** The kinds of record these sources can give. */
    Set<Kind> recordKinds() {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        if (sshConfig != null) {
            kinds.add(Kind.HOST);
            kinds.add(Kind.KEY);
        }
        if (!keyFiles.isEmpty()) {
            kinds.add(Kind.KEY);
        }
        if (knownHosts != null) {
            kinds.add(Kind.KNOWN_HOST);
        }
        return kinds;
    }

    /** A path as a person types it: {@code ~} and {@code ~/...} are under {@code home}. */
    public static Path path(String text, Path home) {
        String trimmed = text.strip();
        return trimmed.equals("~") ? home : trimmed.startsWith("~/") ? home.resolve(trimmed.substring(2))
                : Path.of(trimmed);
    }

    /** The private key files in {@code ~/.ssh} named id_* (not the .pub halves), sorted: what to offer. */
    public static List<Path> defaultKeyFiles(Path home) {
        Path ssh = home.resolve(".ssh");
        if (!Files.isDirectory(ssh)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(ssh, "id_*")) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && !file.getFileName().toString().endsWith(".pub")) {
                    found.add(file);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
        found.sort(null);
        return found;
    }

    private static Path normal(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
