package dev.termvault.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Background sync through the real server: the change stream, and edits made while the server is down. */
class OfflineAndStreamTest {

    static final BackgroundSync.Timing FAST = new BackgroundSync.Timing(Duration.ofSeconds(30),
            Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(1));

    @TempDir
    Path dir;

    @Test
    void editsWhileTheServerIsUnreachable_arriveWhenItReturns_andTheStreamCarriesEditsAtOnce() throws Exception {
        String email = "offline-" + UUID.randomUUID() + "@example.org";
        try (TestServer server = new TestServer(dir.resolve("server"));
             FaultyProxy proxy = FaultyProxy.tcp(server.port(), server.fingerprint())) {
            CreatedVault created = Vault.createLocal(dir.resolve("laptop"), TwoDeviceSyncTest.pw());
            Vault laptop = created.vault();
            VaultRecord web = laptop.add(Host.of("web", "web.example.org", 22, "deploy"));
            AccountSession laptopSession = server.clientVia(proxy).build().signUp(laptop, email, TwoDeviceSyncTest.pw());
            SyncClient.Joined joined = server.clientVia(proxy).build()
                    .join(dir.resolve("desktop"), email, TwoDeviceSyncTest.pw(), created.secretKey());
            Vault desktop = joined.vault();
            List<SyncStatus> laptopStatuses = new CopyOnWriteArrayList<>();
            try (BackgroundSync laptopSync = new BackgroundSync(new Synchronizer(laptop, laptopSession), FAST);
                 BackgroundSync desktopSync = new BackgroundSync(new Synchronizer(desktop, joined.session()), FAST)) {
                laptopSync.addListener(laptopStatuses::add);
                laptopSync.start();
                desktopSync.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> desktop.get(web.id()).isPresent());
                await().atMost(Duration.ofSeconds(30)).until(() -> desktopSync.status().streaming());

                // the stream: an edit on the laptop reaches the desktop without waiting for a poll
                laptop.update(web.id(), Host.of("web", "web2.example.org", 22, "deploy"));
                laptopSync.requestSync();
                await().atMost(Duration.ofSeconds(20)).until(() -> hostname(desktop, web.id()).equals("web2.example.org"));

                // offline: the server is unreachable; edit, lock and unlock offline, edit again
                proxy.down(true);
                laptop.update(web.id(), Host.of("web", "web3.example.org", 22, "deploy"));
                laptopSync.requestSync();
                await().atMost(Duration.ofSeconds(20)).until(() -> laptopSync.status().state() == SyncStatus.State.OFFLINE);
                laptop.lock();
                laptop.unlock(TwoDeviceSyncTest.pw());
                VaultRecord offline = laptop.add(Host.of("offline", "offline.example.org", 22, "ops"));
                assertThat(laptop.sync().pendingCount()).isEqualTo(2);
                assertThat(laptopStatuses).anyMatch(s -> s.state() == SyncStatus.State.OFFLINE && s.lastError() != null);

                proxy.down(false);
                await().atMost(Duration.ofSeconds(60)).until(() -> desktop.get(offline.id()).isPresent()
                        && hostname(desktop, web.id()).equals("web3.example.org"));
                await().atMost(Duration.ofSeconds(30)).until(() -> laptopSync.status().state() == SyncStatus.State.ONLINE
                        && laptopSync.status().pending() == 0);
                assertThat(TwoDeviceSyncTest.contents(desktop)).isEqualTo(TwoDeviceSyncTest.contents(laptop));
            } finally {
                laptop.close();
                desktop.close();
                proxy.close();
            }
        }
    }

    static String hostname(Vault vault, String id) {
        return vault.get(id).map(r -> ((Host) r.item()).hostname()).orElse("");
    }
}
