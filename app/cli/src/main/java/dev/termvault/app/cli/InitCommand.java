package dev.termvault.app.cli;

import dev.termvault.app.core.EmergencyKit;
import dev.termvault.app.core.account.AccountSetup;
import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code termvault init}: creates a local vault and prints its Emergency Kit. */
@Command(name = "init", description = {
    "Create a new vault, protected by a master password you choose (asked twice; at least 8 characters and"
        + " not too easy to guess).",
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
            created = AccountSetup.createLocal(dir, password);
        } finally {
            VaultAccess.wipe(password);
        }
        created.vault().close();
        EmergencyKit kit = new EmergencyKit(dir, created.secretKey());
        PrintWriter out = spec.commandLine().getOut();
        out.println("Created a vault in " + dir + ".");
        out.println();
        out.print(kit.text());
        if (emergencyKitFile != null) {
            writeKit(emergencyKitFile, kit);
            out.println();
            out.println("The Emergency Kit was also written to " + emergencyKitFile.toAbsolutePath() + ".");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void writeKit(Path file, EmergencyKit kit) {
        try {
            kit.saveTo(file);
        } catch (FileAlreadyExistsException e) {
            throw CliException.notFound("The vault was created, but the file " + file + " appeared meanwhile;"
                    + " the Emergency Kit above was not written to it. Copy it from the screen.");
        } catch (IOException e) {
            throw CliException.failed("The vault was created, but the Emergency Kit could not be written to "
                    + file + " (" + e.getMessage() + "). Copy it from the screen above.");
        }
    }
}
