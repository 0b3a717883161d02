package dev.termvault.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No network call is made while the vault's lock is held: while a pass waits for the server's wrapped keys
 * (another device rotated the vault key), a record saved in the same vault, as the UI thread does, is stored
 * at once instead of waiting for the answer or its timeout.
 */
class SaveDuringKeyFetchTest {

    /** A failure guard only: a save that is not blocked completes in milliseconds. */
    private static final long GUARD_SECONDS = 30;

    @TempDir
    static Path serverData;
    static TestServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = new TestServer(serverData);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void saveWhileAKeyFetchIsHeldOpen_completesBeforeTheAnswerIsReleased() throws Exception {
        String email = TwoDeviceSyncTest.email();
        CreatedVault created = Vault.createLocal(dir.resolve("laptop"), TwoDeviceSyncTest.pw());
        try (Vault laptop = created.vault()) {
            VaultRecord web = laptop.add(Host.of("web", "web.example.org", 22, "deploy"));
            Synchronizer laptopSync = new Synchronizer(laptop,
                    server.client().build().signUp(laptop, email, TwoDeviceSyncTest.pw()));
            laptopSync.syncOnce();
            HeldKeyFetch hold = new HeldKeyFetch();
            SyncClient.Joined joined = server.client().timeout(Duration.ofSeconds(GUARD_SECONDS * 2))
                    .addInterceptor(hold).build()
                    .join(dir.resolve("desktop"), email, TwoDeviceSyncTest.pw(), created.secretKey());
            try (Vault desktop = joined.vault()) {
                Synchronizer desktopSync = new Synchronizer(desktop, joined.session());
                desktopSync.syncOnce();
                laptop.account().rotateVaultKey();
                laptop.update(web.id(), Host.of("web", "web2.example.org", 22, "deploy"));
                laptopSync.syncOnce();

                hold.arm();
                CompletableFuture<Void> pass = CompletableFuture.runAsync(desktopSync::syncOnce);
                try {
                    assertThat(hold.fetching.await(GUARD_SECONDS, TimeUnit.SECONDS))
                            .as("the pass asks for the new key version").isTrue();
                    CountDownLatch saved = new CountDownLatch(1);
                    Thread.ofPlatform().daemon().start(() -> {
                        desktop.add(Host.of("saved-meanwhile", "ui.example.org", 22, "me"));
                        saved.countDown();
                    });
                    assertThat(saved.await(GUARD_SECONDS, TimeUnit.SECONDS))
                            .as("a save while the key fetch is held open").isTrue();
                    assertThat(pass).as("the pass still waits for the keys").isNotDone();
                } finally {
                    hold.release.countDown();
                }
                pass.get(GUARD_SECONDS, TimeUnit.SECONDS);
                assertThat(OfflineAndStreamTest.hostname(desktop, web.id())).isEqualTo("web2.example.org");
                assertThat(desktop.list()).anyMatch(r -> ((Host) r.item()).label().equals("saved-meanwhile"));
            }
        }
    }

    /** Once armed, holds back the answer to the first wrapped-keys request until released. */
    private static final class HeldKeyFetch implements Interceptor {

        final CountDownLatch fetching = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private volatile boolean armed;

        void arm() {
            armed = true;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            Response response = chain.proceed(chain.request());
            boolean keyFetch = chain.request().method().equals("GET")
                    && chain.request().url().encodedPath().endsWith("/keys");
            if (armed && keyFetch && fetching.getCount() > 0) {
                fetching.countDown();
                try {
                    release.await(GUARD_SECONDS * 2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return response;
        }
    }
}
