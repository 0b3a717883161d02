package dev.termvault.sync.server.keys.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileMasterKeyTest extends MasterKeyContract {

    @TempDir
    Path dir;

    @Override
    protected MasterKey open() throws Exception {
        return LocalFileMasterKey.openOrCreate(dir.resolve("keys/master.key"));
    }

    @Test
    void openOrCreate_newFile_isOwnerReadableOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys/master.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void reopen_afterRotation_keepsEveryVersion() throws Exception {
        byte[] s = share();
        WrappedKey v1 = masterKey.wrap(s, context("a"));
        masterKey.rotate();
        WrappedKey v2 = masterKey.wrap(s, context("a"));

        MasterKey reopened = open();

        assertThat(reopened.currentVersion()).isEqualTo(2);
        assertThat(reopened.unwrap(v1, context("a"))).isEqualTo(s);
        assertThat(reopened.unwrap(v2, context("a"))).isEqualTo(s);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys/master.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void open_fileReadableByOthers_isRefused() throws Exception {
        Files.setPosixFilePermissions(dir.resolve("keys/master.key"), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(this::open).isInstanceOf(GeneralSecurityException.class).hasMessageContaining("chmod 600");
    }
}
