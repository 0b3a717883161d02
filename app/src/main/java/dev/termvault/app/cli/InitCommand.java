package dev.termvault.app.cli;

import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code termvault init}: creates a local vault and prints its Emergency Kit. */
@Command(name = "init", description = {
    "Create a new vault, protected by a master password you choose (asked twice).",
    "Prints the Emergency Kit: the vault's Secret Key, which you need with the password on a new device."})
final class InitCommand implements Callable<Integer> {

    @Option(names = "--emergency-kit", paramLabel = "FILE",
            description = "Also write the Emergency Kit to FILE (a new file, readable only by you where the"
                    + " system allows).")
    private Path emergencyKitFile;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;
    private final GlobalOptions options;

    InitCommand(VaultAccess access, GlobalOptions options) {
        this.access = access;
        this.options = options;
    }

    @Override
    public Integer call() {
        Path dir = access.vaultDirectory();
        if (Vault.exists(dir)) {
            throw CliException.notFound("There is already a vault in " + dir + ". Nothing was changed.");
        }
        if (emergencyKitFile != null && Files.exists(emergencyKitFile)) {
            throw CliException.notFound("The file " + emergencyKitFile + " already exists; the Emergency Kit"
                    + " is only written to a new file. Nothing was changed.");
        }
        char[] password = access.newPassword(options.passwordEnv(), "--password-env");
        CreatedVault created;
        try {
            created = Vault.createLocal(dir, password);
        } finally {
            VaultAccess.wipe(password);
        }
        created.vault().close();
        String kit = emergencyKit(dir, created.secretKey());
        PrintWriter out = spec.commandLine().getOut();
        out.println("Created a vault in " + dir + ".");
        out.println();
        out.print(kit);
        if (emergencyKitFile != null) {
            writeKit(emergencyKitFile, kit);
            out.println();
            out.println("The Emergency Kit was also written to " + emergencyKitFile.toAbsolutePath() + ".");
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String emergencyKit(Path dir, String secretKey) {
        String nl = System.lineSeparator();
        return "=== Termvault Emergency Kit ===" + nl
                + "Vault folder: " + dir + nl
                + "Secret Key:   " + secretKey + nl
                + nl
                + "Keep this Secret Key safe and private: print it or store it offline, away from your master"
                + nl + "password. You need it together with your master password to open this vault on a new"
                + nl + "device or after reinstalling. Nobody, not even Termvault, can recover it for you." + nl;
    }

    private static void writeKit(Path file, String kit) {
        byte[] bytes = kit.getBytes(StandardCharsets.UTF_8);
        try {
            Path absolute = file.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            boolean posix = absolute.getFileSystem().supportedFileAttributeViews().contains("posix");
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            Files.createFile(absolute, attributes);
            Files.write(absolute, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw CliException.notFound("The vault was created, but the file " + file + " appeared meanwhile;"
                    + " the Emergency Kit above was not written to it. Copy it from the screen.");
        } catch (IOException e) {
            throw CliException.failed("The vault was created, but the Emergency Kit could not be written to "
                    + file + " (" + e.getMessage() + "). Copy it from the screen above.");
        }
    }
}
