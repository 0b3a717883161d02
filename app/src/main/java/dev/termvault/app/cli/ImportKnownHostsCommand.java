package dev.termvault.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.termvault.app.ssh.openssh.KnownHostsImporter;
import dev.termvault.app.ssh.openssh.VaultImports;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.KnownHost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code termvault import known-hosts FILE}: host keys from an OpenSSH known_hosts file. */
@Command(name = "known-hosts", description = "Import the host keys of an OpenSSH known_hosts file.")
final class ImportKnownHostsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The file, usually ~/.ssh/known_hosts.")
    private Path file;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    ImportKnownHostsCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw CliException.notFound("There is no file " + file + ".");
        }
        KnownHostsImporter.Result result;
        try {
            result = KnownHostsImporter.read(file);
        } catch (IOException e) {
            throw CliException.failed("The file " + file + " could not be read.");
        }
        int added = 0;
        try (Vault vault = access.openUnlocked()) {
            for (KnownHost knownHost : VaultImports.newKnownHosts(vault, result.knownHosts())) {
                vault.add(knownHost);
                added++;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Imported " + added + " known host key(s) from " + file + " ("
                + (result.knownHosts().size() - added) + " already in the vault).");
        ImportViews.printReport(result.report(), out);
        out.flush();
        return ExitCodes.OK;
    }
}
