package dev.termvault.sync.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.sync.server.support.Backend;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationRunnerTest {
    @TempDir
    Path dir;
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : cleanup.reversed()) {
            c.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void open_freshStore_appliesEveryBlobMigrationOnceAndBytesRoundTrip(Backend backend) {
        DatabaseSettings settings = backend.settings(dir, "blobs", cleanup);
        try (Database db = Database.open("blobs", settings)) {
            int versions = db.read(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM blobs_schema_history")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(versions).isEqualTo(new MigrationRunner("blobs", db.dialect()).load().size()).isPositive();
            byte[] bytes = {0, 1, 2, (byte) 0xff};
            db.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO revoked_devices (device_id, account_id, revoked_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, "d1");
                    ps.setString(2, "a1");
                    ps.setLong(3, Long.MAX_VALUE);
                    ps.executeUpdate();
                }
                return null;
            });
            long stored = db.read(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT revoked_at FROM revoked_devices")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(stored).isEqualTo(Long.MAX_VALUE);
            assertThat(bytes).hasSize(4);
        }
        try (Database again = Database.open("blobs", settings)) {
            assertThat(new MigrationRunner("blobs", again.dialect()).migrate(again.dataSource())).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void transaction_workThrows_rollsBack(Backend backend) {
        try (Database db = Database.open("blobs", backend.settings(dir, "blobs", cleanup))) {
            assertThatThrownBy(() -> db.transaction(c -> {
                c.createStatement().executeUpdate(
                        "INSERT INTO revoked_devices (device_id, account_id, revoked_at) VALUES ('d', 'a', 1)");
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
            int rows = db.read(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM revoked_devices")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(rows).isZero();
        }
    }

    @Test
    void substitute_unknownPlaceholder_isRefused() {
        assertThatThrownBy(() -> Dialect.SQLITE.substitute("CREATE TABLE t (x ${blob})"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("${blob}");
        assertThat(Dialect.POSTGRESQL.substitute("a ${bytes} b ${bigint}")).isEqualTo("a BYTEA b BIGINT");
        assertThat(Dialect.SQLITE.substitute("a ${bytes} b ${autoinc}"))
                .isEqualTo("a BLOB b INTEGER PRIMARY KEY AUTOINCREMENT");
    }

    @Test
    void split_statementsEndAtLineEndSemicolons_commentsDropped() {
        assertThat(MigrationRunner.split("-- c\nCREATE TABLE a (x TEXT);\n\nCREATE INDEX i\n ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x TEXT)", "CREATE INDEX i\n ON a (x)");
    }
}
