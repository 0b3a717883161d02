package dev.termvault.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.vault.internal.store.StoreTestAccess;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.sync.PendingChange;
import dev.termvault.vault.sync.ServedRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accepting a page of server versions: opened first (a moved ciphertext is refused before anything is
 * written), then stored with the cursor in one transaction, so a failure in the middle of a page leaves the
 * records, their bases and the cursor as they were. The "server" versions here are this vault's own
 * envelopes, so they open at their addresses.
 */
class VaultSyncPageTest {

    @TempDir
    Path dir;

    private static char[] pw() {
        return "page password".toCharArray();
    }

    private static List<Host> hosts(int n) {
        List<Host> hosts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hosts.add(Host.of("host-" + i, "h" + i + ".example.org", 22, "user" + i));
        }
        return hosts;
    }

    private static List<ServedRecord> served(List<PendingChange> rows) {
        return rows.stream().map(r -> new ServedRecord(r.recordId(), r.revision(), r.envelope())).toList();
    }

    @Test
    void acceptRemote_page_storesEveryRecordAsItsBaseAndMovesTheCursor() {
        try (Vault vault = Vault.createLocal(dir, pw()).vault()) {
            vault.addAll(hosts(100));
            VaultSync sync = vault.sync();
            List<PendingChange> rows = sync.pending(1000);

            List<RemoteVersion> versions = sync.open(served(rows));
            sync.acceptRemote(versions, 4242);

            assertThat(versions).extracting(v -> ((Host) v.item()).hostname())
                    .containsExactlyElementsOf(rows.stream().map(r -> ((Host) vault.get(r.recordId().toString())
                            .orElseThrow().item()).hostname()).toList());
            assertThat(sync.cursor()).isEqualTo(4242);
            assertThat(sync.pendingCount()).isZero();
            assertThat(sync.bases()).hasSize(100);
            assertThat(vault.list()).hasSize(100);
        }
    }

    @Test
    void open_page_withOneCiphertextMoved_isRefusedNamingThatRecord_andNothingIsWritten() {
        try (Vault vault = Vault.createLocal(dir, pw()).vault()) {
            vault.addAll(hosts(50));
            VaultSync sync = vault.sync();
            List<ServedRecord> served = new ArrayList<>(served(sync.pending(1000)));
            ServedRecord victim = served.get(17);
            served.set(17, new ServedRecord(victim.recordId(), victim.revision(), served.get(3).envelope()));

            assertThatThrownBy(() -> sync.open(served)).isInstanceOf(VaultException.Tampered.class)
                    .satisfies(e -> assertThat(((VaultException.Tampered) e).recordId()).contains(victim.recordId()));
            assertThat(sync.cursor()).isZero();
            assertThat(sync.bases()).isEmpty();
            assertThat(sync.pendingCount()).isEqualTo(50);
        }
    }

    @Test
    void acceptRemote_failingInTheMiddleOfAPage_leavesRecordsBasesAndCursorAsTheyWere() throws Exception {
        try (Vault vault = Vault.createLocal(dir, pw()).vault()) {
            vault.addAll(hosts(60));
            VaultSync sync = vault.sync();
            List<PendingChange> rows = sync.pending(1000);
            List<RemoteVersion> versions = sync.open(served(rows));
            sync.acceptRemote(versions.subList(0, 10), 10);
            UUID failing = rows.get(35).recordId();
            StoreTestAccess.failBaseWritesOf(dir, failing);

            assertThatThrownBy(() -> sync.acceptRemote(versions.subList(10, 60), 60))
                    .isInstanceOf(VaultException.class);

            assertThat(sync.cursor()).isEqualTo(10);
            assertThat(sync.bases()).extracting(b -> b.recordId())
                    .containsExactlyInAnyOrderElementsOf(rows.subList(0, 10).stream().map(PendingChange::recordId).toList());
            assertThat(sync.pendingCount()).isEqualTo(50);
            assertThat(vault.list()).hasSize(60);
        }
    }
}
