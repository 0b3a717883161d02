package dev.termvault.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.termvault.app.ssh.keys.KeyInspection;
import dev.termvault.app.ssh.keys.SshKeyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code termvault keys inspect FILE}: type, size, comment and fingerprints of a key file; no vault needed. */
@Command(name = "inspect", description = "Show a key file's type, size, comment and fingerprints (no vault needed).")
final class KeysInspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The private key file.")
    private Path file;

    @Option(names = "--passphrase-env", paramLabel = "VAR",
            description = "Read the key file's passphrase from this environment variable instead of the terminal.")
    private String passphraseEnv;

    @Spec
    private CommandSpec spec;

    private final CliContext context;

    KeysInspectCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw CliException.notFound("There is no file " + file + ".");
        }
        KeyInspection inspection;
        try {
            inspection = KeyInspection.of(file, KeyCommands.prompt(context, passphraseEnv));
        } catch (SshKeyException e) {
            throw KeyCommands.failure(e);
        } catch (IOException e) {
            throw CliException.failed("The file " + file + " could not be read.");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("type:    " + inspection.keyType());
        out.println("bits:    " + inspection.bits());
        out.println("comment: " + inspection.comment());
        out.println(inspection.sha256Line());
        out.println(inspection.md5Line());
        out.flush();
        return ExitCodes.OK;
    }
}
