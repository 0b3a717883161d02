package dev.termvault.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.termvault.sync.protocol.keys.DeviceView;
import dev.termvault.sync.server.keys.crypto.TokenSigner;
import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session over time, against the real server: an expired access token is refreshed without anyone
 * noticing, and a device revoked from another one is refused, says so, and keeps its local data.
 */
class SessionLifecycleTest {

    /** The server's clock; a test moves it forward to let tokens expire. */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @TempDir
    static Path serverData;
    static final MovableClock CLOCK = new MovableClock();
    static TestServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = new TestServer(serverData, CLOCK);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void expiredAccessToken_isRefreshedOnTheWay_andSyncCarriesOn() {
        String email = TwoDeviceSyncTest.email();
        CreatedVault created = Vault.createLocal(dir.resolve("laptop"), TwoDeviceSyncTest.pw());
        TrafficTap tap = new TrafficTap();
        try (Vault laptop = created.vault()) {
            Synchronizer sync = new Synchronizer(laptop, server.client().addInterceptor(tap).build()
                    .signUp(laptop, email, TwoDeviceSyncTest.pw()));
            VaultRecord web = laptop.add(Host.of("web", "web.example.org", 22, "deploy"));
            sync.syncOnce();
            assertThat(tap.captured).noneMatch(m -> m.contains("/token/refresh"));

            CLOCK.advance(TokenSigner.ACCESS_LIFETIME.plusMinutes(2));
            laptop.update(web.id(), Host.of("web", "web2.example.org", 22, "deploy"));
            sync.syncOnce();

            assertThat(sync.pendingCount()).isZero();
            assertThat(tap.captured).anyMatch(m -> m.startsWith("401"));
            assertThat(tap.captured).anyMatch(m -> m.startsWith("POST") && m.contains("/v1/keys/token/refresh"));
            SyncClient.Joined desktop = server.client().build().join(dir.resolve("desktop"), email,
                    TwoDeviceSyncTest.pw(), created.secretKey());
            try (Vault d = desktop.vault()) {
                new Synchronizer(d, desktop.session()).syncOnce();
                assertThat(OfflineAndStreamTest.hostname(d, web.id())).isEqualTo("web2.example.org");
            }
        }
    }

    @Test
    void revokedDevice_isRefusedWithAClearError_andKeepsItsLocalData() {
        String email = TwoDeviceSyncTest.email();
        CreatedVault created = Vault.createLocal(dir.resolve("laptop"), TwoDeviceSyncTest.pw());
        try (Vault laptop = created.vault()) {
            AccountSession laptopSession = server.client().deviceName("laptop").build()
                    .signUp(laptop, email, TwoDeviceSyncTest.pw());
            laptop.add(Host.of("web", "web.example.org", 22, "deploy"));
            new Synchronizer(laptop, laptopSession).syncOnce();
            SyncClient.Joined joined = server.client().deviceName("phone").build().join(dir.resolve("phone"),
                    email, TwoDeviceSyncTest.pw(), created.secretKey());
            Vault phone = joined.vault();
            List<SyncStatus> statuses = new CopyOnWriteArrayList<>();
            try (BackgroundSync phoneSync = new BackgroundSync(new Synchronizer(phone, joined.session()),
                    OfflineAndStreamTest.FAST)) {
                phoneSync.addListener(statuses::add);
                phoneSync.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> phoneSync.status().streaming()
                        && phone.list().size() == 1);
                VaultRecord unsynced = phone.add(Host.of("lost", "lost.example.org", 22, "ops"));

                String phoneId = joined.session().deviceId();
                laptopSession.revokeDevice(phoneId);
                phoneSync.requestSync();

                await().atMost(Duration.ofSeconds(30)).until(() -> phoneSync.status().state() == SyncStatus.State.FAILED);
                assertThat(phoneSync.status().lastError()).contains("revoked").contains("kept");
                assertThat(phoneSync.status().streaming()).isFalse();
                assertThat(phone.get(unsynced.id())).isPresent();
                assertThat(phone.list()).hasSize(2);
                assertThat(phone.sync().pendingCount()).isGreaterThanOrEqualTo(1);
            }
            assertThatThrownBy(() -> new Synchronizer(phone, joined.session()).syncOnce())
                    .isInstanceOf(SyncException.DeviceRevoked.class);
            SyncClient again = SyncClient.builder(phone.account().syncLink().orElseThrow()).build();
            assertThatThrownBy(() -> again.logIn(phone, TwoDeviceSyncTest.pw()))
                    .isInstanceOf(SyncException.DeviceRevoked.class).hasMessageContaining("revoked");
            assertThat(phone.list()).hasSize(2);
            phone.close();

            List<DeviceView> devices = laptopSession.devices();
            assertThat(devices).hasSize(2);
            assertThat(devices).filteredOn(d -> d.id().equals(joined.session().deviceId())).singleElement()
                    .satisfies(d -> assertThat(d.revokedAt()).isNotNull());
            assertThat(devices).filteredOn(DeviceView::current).singleElement()
                    .satisfies(d -> assertThat(d.revokedAt()).isNull());
            laptop.add(Host.of("still", "still.example.org", 22, "ops"));
            new Synchronizer(laptop, laptopSession).syncOnce();
            assertThat(laptop.sync().pendingCount()).isZero();
            assertThat(UUID.fromString(laptopSession.deviceId())).isEqualTo(laptop.deviceId());
        }
    }
}
