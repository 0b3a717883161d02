package dev.termvault.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent edits on two devices through the real server: merged field by field, never lost. */
class ConflictMergeTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static Vault laptop;
    static Vault desktop;
    static Synchronizer laptopSync;
    static Synchronizer desktopSync;
    static final List<SyncNotice> notices = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void twoDevices() {
        server = new TestServer(dir.resolve("server"));
        String email = "merge-" + UUID.randomUUID() + "@example.org";
        CreatedVault created = Vault.createLocal(dir.resolve("laptop"), TwoDeviceSyncTest.pw());
        laptop = created.vault();
        laptopSync = new Synchronizer(laptop, server.client().build().signUp(laptop, email, TwoDeviceSyncTest.pw()));
        SyncClient.Joined joined = server.client().build()
                .join(dir.resolve("desktop"), email, TwoDeviceSyncTest.pw(), created.secretKey());
        desktop = joined.vault();
        desktopSync = new Synchronizer(desktop, joined.session());
        laptopSync.onNotice(notices::add);
        desktopSync.onNotice(notices::add);
    }

    @AfterAll
    static void close() {
        laptop.close();
        desktop.close();
        server.close();
    }

    private static VaultRecord shared(Host host) {
        VaultRecord record = laptop.add(host);
        laptopSync.syncOnce();
        desktopSync.syncOnce();
        return record;
    }

    private static void bothSync() {
        laptopSync.syncOnce();
        desktopSync.syncOnce();
        laptopSync.syncOnce();
    }

    private static Host host(Vault vault, String id) {
        return (Host) vault.get(id).orElseThrow().item();
    }

    @Test
    void differentFieldsChangedOnEachDevice_mergeIntoOneRecord_withoutACopy() {
        VaultRecord r = shared(Host.of("fields", "fields.example.org", 22, "root"));
        laptop.update(r.id(), Host.of("fields", "fields2.example.org", 22, "root"));
        desktop.update(r.id(), Host.of("fields", "fields.example.org", 2222, "admin"));
        int before = laptop.list().size();
        bothSync();

        Host merged = host(laptop, r.id());
        assertThat(merged.hostname()).isEqualTo("fields2.example.org");
        assertThat(merged.port()).isEqualTo(2222);
        assertThat(merged.username()).isEqualTo("admin");
        assertThat(laptop.list()).hasSize(before);
        assertThat(TwoDeviceSyncTest.contents(desktop)).isEqualTo(TwoDeviceSyncTest.contents(laptop));
    }

    @Test
    void sameFieldChangedDifferently_laterEditWins_andTheOtherIsAConflictCopy() {
        VaultRecord r = shared(Host.of("same", "same.example.org", 22, "root"));
        laptop.update(r.id(), Host.of("same", "laptop.example.org", 22, "root"));
        desktop.update(r.id(), Host.of("same", "desktop.example.org", 22, "root"));
        laptopSync.syncOnce();
        desktopSync.syncOnce();
        laptopSync.syncOnce();

        assertThat(host(desktop, r.id()).hostname()).isEqualTo("desktop.example.org");
        assertThat(desktop.list()).anySatisfy(rec -> {
            assertThat(rec.item().displayName()).isEqualTo("same" + FieldMerge.CONFLICT_SUFFIX);
            assertThat(((Host) rec.item()).hostname()).isEqualTo("laptop.example.org");
        });
        assertThat(notices).anyMatch(n -> n.kind() == SyncNotice.Kind.CONFLICT_COPY && n.recordId().equals(r.id()));
        assertThat(TwoDeviceSyncTest.contents(desktop)).isEqualTo(TwoDeviceSyncTest.contents(laptop));
    }

    @Test
    void editAgainstDelete_restoresTheRecord_andSaysSo() {
        VaultRecord edited = shared(Host.of("keep-mine", "a.example.org", 22, "root"));
        VaultRecord deletedHere = shared(Host.of("keep-theirs", "b.example.org", 22, "root"));
        laptop.delete(edited.id());
        desktop.update(edited.id(), Host.of("keep-mine", "a2.example.org", 22, "root"));
        laptop.update(deletedHere.id(), Host.of("keep-theirs", "b2.example.org", 22, "root"));
        desktop.delete(deletedHere.id());
        laptopSync.syncOnce();
        desktopSync.syncOnce();
        laptopSync.syncOnce();

        assertThat(host(laptop, edited.id()).hostname()).isEqualTo("a2.example.org");
        assertThat(host(laptop, deletedHere.id()).hostname()).isEqualTo("b2.example.org");
        assertThat(notices).anyMatch(n -> n.kind() == SyncNotice.Kind.RESTORED_LOCAL_EDIT);
        assertThat(TwoDeviceSyncTest.contents(desktop)).isEqualTo(TwoDeviceSyncTest.contents(laptop));
    }
}
