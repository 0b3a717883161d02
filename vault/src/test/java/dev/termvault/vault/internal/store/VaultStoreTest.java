package dev.termvault.vault.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultStoreTest {

    private static final UUID VAULT = UUID.randomUUID();

    @TempDir
    Path dir;

    private static AccountRow account(byte[] salt) {
        return new AccountRow(new byte[16], 1, salt, 65536, 3, 4, new byte[16], new byte[60], "local");
    }

    private VaultStore created() {
        VaultStore store = VaultStore.open(dir, true);
        store.createAccount(account(new byte[] {1}), UUID.randomUUID(), VAULT, 1, new byte[] {9, 9});
        return store;
    }

    @Test
    void open_newFolder_migratesToLatestAndIsIdempotent() throws Exception {
        try (VaultStore store = VaultStore.open(dir, true)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.LATEST);
            assertThat(store.account()).isEmpty();
        }
        try (VaultStore store = VaultStore.open(dir, false)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.LATEST);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + VaultStore.file(dir));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void open_missingFolderWithoutCreate_throws() {
        assertThatThrownBy(() -> VaultStore.open(dir.resolve("nothing"), false)).isInstanceOf(VaultStoreException.class);
    }

    @Test
    void open_fileFromNewerVersion_throwsUnsupportedSchema() throws Exception {
        created().close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + VaultStore.file(dir));
             Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO schema_version (version, applied_at) VALUES (" + (Migrations.LATEST + 1)
                    + ", 0)");
        }
        assertThatThrownBy(() -> VaultStore.open(dir, false)).isInstanceOf(UnsupportedSchemaException.class)
                .hasMessageContaining("newer Termvault");
    }

    @Test
    void createAccount_twice_throwsAndKeepsTheFirst() {
        try (VaultStore store = created()) {
            assertThatThrownBy(() -> store.createAccount(account(new byte[] {2}), UUID.randomUUID(),
                    UUID.randomUUID(), 1, new byte[1])).isInstanceOf(VaultStoreException.class);
            assertThat(store.account()).get().extracting(AccountRow::kdfSalt).isEqualTo(new byte[] {1});
            assertThat(store.primaryVaultId()).isEqualTo(VAULT);
            assertThat(store.wrappedVaultKeys(VAULT)).containsOnlyKeys(1);
        }
    }

    @Test
    void write_revisions_mustFollowOnAndEachWriteHasAnOutboxRow() {
        try (VaultStore store = created()) {
            UUID id = UUID.randomUUID();
            store.write(VAULT, List.of(RecordRow.live(id, 1, new byte[] {1}, 1)));
            store.write(VAULT, List.of(RecordRow.live(id, 2, new byte[] {2}, 1)));
            assertThatThrownBy(() -> store.write(VAULT, List.of(RecordRow.live(id, 2, new byte[] {3}, 1))))
                    .isInstanceOf(VaultStoreException.class);
            store.write(VAULT, List.of(RecordRow.tombstone(id, 3)));

            assertThat(store.record(VAULT, id)).get().satisfies(r -> {
                assertThat(r.deleted()).isTrue();
                assertThat(r.envelope()).isNull();
                assertThat(r.revision()).isEqualTo(3);
            });
            assertThat(store.liveRecords(VAULT)).isEmpty();
            assertThat(store.sync().outbox(10)).extracting(OutboxEntry::operation, OutboxEntry::revision)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("PUT", 1L),
                            org.assertj.core.groups.Tuple.tuple("PUT", 2L),
                            org.assertj.core.groups.Tuple.tuple("DELETE", 3L));
        }
    }

    @Test
    void write_batchWithOneConflict_writesNothing() {
        try (VaultStore store = created()) {
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            assertThatThrownBy(() -> store.write(VAULT, List.of(RecordRow.live(a, 1, new byte[] {1}, 1),
                    RecordRow.live(b, 5, new byte[] {1}, 1)))).isInstanceOf(VaultStoreException.class);
            assertThat(store.liveRecords(VAULT)).isEmpty();
            assertThat(store.sync().outbox(10)).isEmpty();
        }
    }

    @Test
    void rotation_finishesOnlyWhenNoLiveEnvelopeUsesTheOldKey() {
        try (VaultStore store = created()) {
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            store.write(VAULT, List.of(RecordRow.live(a, 1, new byte[] {1}, 1), RecordRow.live(b, 1, new byte[] {1}, 1)));
            RotationRow rotation = new RotationRow(VAULT, 1, 2);
            store.startRotation(rotation, new byte[] {7});
            assertThat(store.currentKeyVersion(VAULT)).isEqualTo(2);
            assertThat(store.rotation(VAULT)).contains(rotation);
            assertThatThrownBy(() -> store.startRotation(new RotationRow(VAULT, 2, 3), new byte[] {8}))
                    .isInstanceOf(VaultStoreException.class);

            assertThat(store.recordsNotUnder(VAULT, 2, null, 10)).hasSize(2);
            assertThat(store.storeRewrapped(VAULT, List.of(RecordRow.live(a, 1, new byte[] {2}, 2)))).isEqualTo(1);
            assertThat(store.finishRotation(rotation)).isFalse();
            assertThat(store.wrappedVaultKeys(VAULT)).containsOnlyKeys(1, 2);

            // b moved on meanwhile: the stale rewrap is skipped, the new revision already uses key 2.
            store.write(VAULT, List.of(RecordRow.live(b, 2, new byte[] {3}, 2)));
            assertThat(store.storeRewrapped(VAULT, List.of(RecordRow.live(b, 1, new byte[] {4}, 2)))).isZero();
            assertThat(store.finishRotation(rotation)).isTrue();
            assertThat(store.wrappedVaultKeys(VAULT)).containsOnlyKeys(2);
            assertThat(store.rotation(VAULT)).isEmpty();
            assertThat(store.record(VAULT, b)).get().extracting(RecordRow::envelope).isEqualTo(new byte[] {3});
        }
    }

    @Test
    void replaceCredentials_withStaleSalt_writesNothing() {
        try (VaultStore store = created()) {
            assertThatThrownBy(() -> store.replaceCredentials(new byte[] {5}, account(new byte[] {6}), VAULT,
                    Map.of(1, new byte[] {4}))).isInstanceOf(VaultStoreException.class);
            store.replaceCredentials(new byte[] {1}, account(new byte[] {6}), VAULT, Map.of(1, new byte[] {4}));
            assertThat(store.account()).get().extracting(AccountRow::kdfSalt).isEqualTo(new byte[] {6});
            assertThat(store.wrappedVaultKeys(VAULT).get(1)).isEqualTo(new byte[] {4});
        }
    }
}
