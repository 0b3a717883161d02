package dev.termvault.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultFileModesCommandTest {

    @TempDir
    Path temp;

    @Test
    void anyCommand_vaultFileReadableByOthers_warnsOnceAndRepairsIt() throws Exception {
        assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file modes only");
        InitialisedVault vault = InitialisedVault.create(temp);
        Path db = vault.dir.resolve("vault.db");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));

        CliRun.Result first = vault.run("hosts", "list");
        CliRun.Result second = vault.run("hosts", "list");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("Warning: other users could read the vault's files")
                .contains("vault.db was rw-r--r--, now rw-------");
        assertThat(first.out()).doesNotContain("Warning");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
        assertThat(second.err()).doesNotContain("Warning");
    }
}
