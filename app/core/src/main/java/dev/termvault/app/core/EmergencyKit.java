package dev.termvault.app.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The Emergency Kit shown after a vault is created (by {@code termvault init} and by the desktop app's first
 * run), and saving it to a new file readable only by its owner.
 */
public record EmergencyKit(Path vaultDirectory, String secretKey) {

    public String text() {
        String nl = System.lineSeparator();
        return "=== Termvault Emergency Kit ===" + nl
                + "Vault folder: " + vaultDirectory + nl
                + "Secret Key:   " + secretKey + nl
                + nl
                + "Keep this Secret Key safe and private: print it or store it offline," + nl
                + "away from your master password. You need it together with your" + nl
                + "master password to open this vault on a new device or after" + nl
                + "reinstalling. Nobody, not even Termvault, can recover it for you." + nl;
    }

    /**
     * Writes the kit to {@code file}, which must not exist yet.
     *
     * @throws IOException when it exists or cannot be written
     */
    public void saveTo(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        boolean posix = absolute.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Files.createFile(absolute, attributes);
        Files.writeString(absolute, text(), StandardCharsets.UTF_8);
    }

    /**
     * Writes the kit to {@code file} (which must not exist yet) and says how that went, in a sentence for the
     * person: "Saved to …" or "Could not save to … Nothing was written."
     */
    public String saveReporting(Path file) {
        try {
            saveTo(file);
            return "Saved to " + file.toAbsolutePath() + ".";
        } catch (IOException e) {
            return "Could not save to " + file + " (" + e.getMessage() + "). Nothing was written.";
        }
    }

    @Override
    public String toString() {
        return "EmergencyKit[" + vaultDirectory + ", secretKey=TV1-****]";
    }
}
