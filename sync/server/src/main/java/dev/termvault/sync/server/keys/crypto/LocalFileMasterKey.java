package dev.termvault.sync.server.keys.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/**
 * The embedded default master key: AES-256 keys in a local file made with 0600 permissions.
 *
 * <p>File format (text): a header line {@code termvault-master-key-file 1}, then one line per version,
 * {@code <version> <base64 key>}, oldest first; the last line is the current version. {@link #rotate()} adds a
 * line (written to a 0600 temporary file, then moved over the old one). A file readable by group or others is
 * refused on POSIX systems.
 */
public final class LocalFileMasterKey extends VersionedAesGcmMasterKey {

    private static final String HEADER = "termvault-master-key-file 1";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final SecureRandom random;

    private LocalFileMasterKey(Path file, SecureRandom random) {
        super(new AesGcmWrap(random, null));
        this.file = file;
        this.random = random;
    }

    /** Opens the key file, creating it with one fresh version (0600) when it does not exist. */
    public static LocalFileMasterKey openOrCreate(Path file) throws GeneralSecurityException {
        LocalFileMasterKey key = new LocalFileMasterKey(file, new SecureRandom());
        try {
            if (Files.exists(file)) {
                key.load();
            } else {
                key.addVersion();
            }
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot use the master key file " + file + ": " + e.getMessage());
        }
        return key;
    }

    @Override
    public synchronized int rotate() throws GeneralSecurityException {
        try {
            addVersion();
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot write the master key file: " + e.getMessage());
        }
        return keys.lastKey();
    }

    @Override
    public String describe() {
        return "local-file " + file.getFileName() + " v" + currentVersion();
    }

    private void addVersion() throws IOException {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        int version = keys.isEmpty() ? 1 : keys.lastKey() + 1;
        keys.put(version, new SecretKeySpec(raw, "AES"));
        AesGcmWrap.wipe(raw);
        write();
    }

    private void write() throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        keys.forEach((v, k) -> text.append(v).append(' ')
                .append(Base64.getEncoder().encodeToString(k.getEncoded())).append('\n'));
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (posix()) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void load() throws IOException, GeneralSecurityException {
        if (posix()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(perms)) {
                throw new GeneralSecurityException("the master key file " + file
                        + " is readable by others (" + PosixFilePermissions.toString(perms) + "); chmod 600 it");
            }
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.US_ASCII));
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
            throw new GeneralSecurityException("not a termvault master key file: " + file);
        }
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split(" ");
            byte[] raw = parts.length == 2 ? Base64.getDecoder().decode(parts[1]) : new byte[0];
            if (raw.length != 32) {
                throw new GeneralSecurityException("malformed line in the master key file " + file);
            }
            keys.put(Integer.parseInt(parts[0]), new SecretKeySpec(raw, "AES"));
            AesGcmWrap.wipe(raw);
        }
        if (keys.isEmpty()) {
            throw new GeneralSecurityException("the master key file " + file + " holds no key");
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return "LocalFileMasterKey[" + file + ", versions=" + keys.keySet() + "]";
    }
}
