package dev.termvault.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.sync.protocol.keys.AuditEntryView;
import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Host;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** This device's sync history, the key service's audit log and the fingerprint shown before pinning. */
class SyncHistoryTest {

    @TempDir
    Path dir;

    @Test
    void history_survivesReopening_isBounded_andCountsARepeatedErrorOnce() throws Exception {
        SyncHistory history = SyncHistory.in(dir);
        Instant t0 = Instant.parse("2026-01-02T03:04:05Z");
        history.record(SyncHistory.Kind.PUSH, 3, "3 changes sent", t0);
        history.record(SyncHistory.Kind.ERROR, 1, "Could not reach the server", t0.plusSeconds(1));
        history.record(SyncHistory.Kind.ERROR, 1, "Could not reach the server", t0.plusSeconds(5));

        SyncHistory reopened = SyncHistory.in(dir);
        assertThat(reopened.entries()).containsExactly(
                new SyncHistory.Entry(t0, SyncHistory.Kind.PUSH, 3, "3 changes sent"),
                new SyncHistory.Entry(t0.plusSeconds(5), SyncHistory.Kind.ERROR, 2, "Could not reach the server"));

        for (int i = 0; i < SyncHistory.LIMIT + 20; i++) {
            reopened.record(SyncHistory.Kind.PULL, i, "n" + i, t0.plusSeconds(10 + i));
        }
        SyncHistory bounded = SyncHistory.in(dir);
        assertThat(bounded.entries()).hasSize(SyncHistory.LIMIT);
        assertThat(bounded.entries().getLast().detail()).isEqualTo("n" + (SyncHistory.LIMIT + 19));
        assertThat(bounded.entries().getFirst().detail()).isEqualTo("n20");
    }

    @Test
    void history_fileIsOwnerOnly_evenWhenAnOlderOneWasReadableByOthers() throws Exception {
        Path file = dir.resolve(SyncHistory.FILE);
        SyncHistory.in(dir).record(SyncHistory.Kind.PUSH, 1, "1 change sent", Instant.EPOCH);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Path staleTemp = dir.resolve(SyncHistory.FILE + ".tmp");
        Files.writeString(staleTemp, "stale");
        Files.setPosixFilePermissions(staleTemp, PosixFilePermissions.fromString("rw-r--r--"));
        SyncHistory.in(dir).record(SyncHistory.Kind.PULL, 1, "1 change received", Instant.EPOCH.plusSeconds(1));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SyncHistory.in(dir).entries()).hasSize(2);
    }

    @Test
    void aSyncedDevice_recordsPushesPullsAndErrors_withoutPlaintext_andSeesItsAuditLog() throws Exception {
        TestServer server = new TestServer(dir.resolve("server"));
        try {
            assertThat(SyncClient.fetchFingerprint(server.uri(), Duration.ofSeconds(5)))
                    .isEqualTo(PinnedCertificateTrustManager.normalise(server.fingerprint()));

            String email = "history-" + UUID.randomUUID() + "@example.org";
            CreatedVault created = Vault.createLocal(dir.resolve("laptop"), TwoDeviceSyncTest.pw());
            try (Vault laptop = created.vault()) {
                laptop.add(Host.of("web", "secret-host.example.org", 22, "deploy"));
                SyncClient client = server.client().build();
                AccountSession session = client.signUp(laptop, email, TwoDeviceSyncTest.pw());
                Synchronizer synchronizer = new Synchronizer(laptop, session);
                SyncHistory history = SyncHistory.in(laptop.directory());
                synchronizer.recordHistory(history);
                synchronizer.syncOnce();
                assertThat(history.entries()).extracting(SyncHistory.Entry::kind, SyncHistory.Entry::count)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(SyncHistory.Kind.PUSH, 1));

                SyncClient.Joined joined = server.client().build().join(dir.resolve("desktop"), email,
                        TwoDeviceSyncTest.pw(), created.secretKey());
                try (Vault desktop = joined.vault()) {
                    Synchronizer second = new Synchronizer(desktop, joined.session());
                    SyncHistory desktopHistory = SyncHistory.in(desktop.directory());
                    second.recordHistory(desktopHistory);
                    long[] progress = new long[2];
                    second.onProgress((cursor, target) -> {
                        progress[0] = cursor;
                        progress[1] = target;
                    });
                    second.syncOnce();
                    assertThat(progress[1]).isPositive();
                    assertThat(progress[0]).isGreaterThanOrEqualTo(progress[1]);
                    assertThat(desktopHistory.entries()).anyMatch(e -> e.kind() == SyncHistory.Kind.PULL
                            && e.count() == 1);
                }

                var audit = session.auditLog(0, 100);
                assertThat(audit.entries()).extracting(AuditEntryView::event)
                        .contains("signup", "login", "share_released");

                server.stop();
                laptop.add(Host.of("db", "another-secret.example.org", 22, "ops"));
                assertThatThrownBy(synchronizer::syncOnce).isInstanceOf(SyncException.Offline.class);
                assertThat(history.entries().getLast().kind()).isEqualTo(SyncHistory.Kind.ERROR);
                String onDisk = Files.readString(laptop.directory().resolve(SyncHistory.FILE),
                        StandardCharsets.UTF_8);
                assertThat(onDisk).doesNotContain("secret-host", "another-secret", "deploy", email);
            }
        } finally {
            server.close();
        }
    }

    @Test
    void fetchingAFingerprint_fromNothing_saysTheServerCannotBeReached() {
        assertThatThrownBy(() -> SyncClient.fetchFingerprint(URI.create("https://127.0.0.1:1"), Duration.ofSeconds(2)))
                .isInstanceOf(SyncException.Offline.class).hasMessageContaining("Could not reach");
        assertThatThrownBy(() -> SyncClient.fetchFingerprint(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
