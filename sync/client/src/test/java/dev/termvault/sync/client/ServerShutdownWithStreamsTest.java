package dev.termvault.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server closed while devices hold change streams open: it stops at once and quietly (no failure
 * logged), and the devices see their streams end and fall back to offline and polling; when a server
 * is back on the same data and port, they carry on.
 */
class ServerShutdownWithStreamsTest {

    @TempDir
    Path dir;

    @Test
    void closingTheServerWithOpenStreams_stopsPromptlyAndQuietly_andTheDevicesGoOffline() throws Exception {
        TestServer server = new TestServer(dir.resolve("server"));
        String email = TwoDeviceSyncTest.email();
        CreatedVault created = Vault.createLocal(dir.resolve("laptop"), TwoDeviceSyncTest.pw());
        Vault laptop = created.vault();
        AccountSession laptopSession = server.client().build().signUp(laptop, email, TwoDeviceSyncTest.pw());
        SyncClient.Joined joined = server.client().build().join(dir.resolve("desktop"), email,
                TwoDeviceSyncTest.pw(), created.secretKey());
        Vault desktop = joined.vault();
        int port = server.port();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        try (BackgroundSync laptopSync = new BackgroundSync(new Synchronizer(laptop, laptopSession),
                OfflineAndStreamTest.FAST);
             BackgroundSync desktopSync = new BackgroundSync(new Synchronizer(desktop, joined.session()),
                     OfflineAndStreamTest.FAST)) {
            laptopSync.start();
            desktopSync.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> laptopSync.status().streaming()
                    && desktopSync.status().streaming());
            VaultRecord web = laptop.add(Host.of("web", "web.example.org", 22, "deploy"));
            laptopSync.requestSync();
            await().atMost(Duration.ofSeconds(20)).until(() -> desktop.get(web.id()).isPresent());

            System.setErr(new PrintStream(new Tee(originalErr, logged), true, StandardCharsets.UTF_8));
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(15), server::stop);
                assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                        .isInstanceOf(java.io.IOException.class);
                for (BackgroundSync sync : List.of(laptopSync, desktopSync)) {
                    await().atMost(Duration.ofSeconds(20)).until(() -> !sync.status().streaming()
                            && sync.status().state() == SyncStatus.State.OFFLINE);
                }
                // an edit while the server is gone waits in the outbox
                laptop.update(web.id(), Host.of("web", "web2.example.org", 22, "deploy"));
                laptopSync.requestSync();
                await().atMost(Duration.ofSeconds(20)).until(() -> laptopSync.status().state()
                        == SyncStatus.State.OFFLINE && laptopSync.status().pending() == 1);
            } finally {
                System.setErr(originalErr);
            }
            List<String> failures = logged.toString(StandardCharsets.UTF_8).lines()
                    .filter(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.contains("Exception"))
                    .toList();
            assertThat(failures).as("failures logged while the server stopped").isEmpty();

            // the server comes back on the same port and data: the devices resume by polling
            server.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> OfflineAndStreamTest.hostname(desktop, web.id())
                    .equals("web2.example.org"));
            await().atMost(Duration.ofSeconds(30)).until(() -> desktopSync.status().streaming());
        } finally {
            laptop.close();
            desktop.close();
            server.close();
        }
    }

    @Test
    void streamsOpeningWhileTheServerCloses_allEnd_andNothingFailsOnTheServer() throws Exception {
        TestServer server = new TestServer(dir.resolve("server"));
        CreatedVault created = Vault.createLocal(dir.resolve("laptop"), TwoDeviceSyncTest.pw());
        PrintStream originalErr = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        try (Vault laptop = created.vault()) {
            AccountSession session = server.client().build().signUp(laptop, TwoDeviceSyncTest.email(),
                    TwoDeviceSyncTest.pw());
            int streams = 40;
            java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(streams / 2);
            java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(streams);
            okhttp3.sse.EventSourceListener listener = new okhttp3.sse.EventSourceListener() {
                @Override
                public void onOpen(okhttp3.sse.EventSource source, okhttp3.Response response) {
                    opened.countDown();
                }

                @Override
                public void onClosed(okhttp3.sse.EventSource source) {
                    ended.countDown();
                }

                @Override
                public void onFailure(okhttp3.sse.EventSource source, Throwable t, okhttp3.Response response) {
                    ended.countDown();
                }
            };
            okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
            dispatcher.setMaxRequests(streams);
            dispatcher.setMaxRequestsPerHost(streams);
            okhttp3.OkHttpClient http = session.client().http().client().newBuilder().dispatcher(dispatcher)
                    .readTimeout(Duration.ZERO).callTimeout(Duration.ZERO).build();
            okhttp3.Request request = new okhttp3.Request.Builder().url(session.client().http().url("/v1/stream"))
                    .header("Authorization", "Bearer " + session.accessToken())
                    .header("Accept", "text/event-stream").build();
            okhttp3.sse.EventSource.Factory factory = okhttp3.sse.EventSources.createFactory(http);
            System.setErr(new PrintStream(new Tee(originalErr, logged), true, StandardCharsets.UTF_8));
            try {
                List<okhttp3.sse.EventSource> sources = new java.util.ArrayList<>();
                for (int i = 0; i < streams; i++) {
                    sources.add(factory.newEventSource(request, listener));
                    if (i == streams / 2) {
                        assertThat(opened.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                    }
                }
                // half are open, the rest are connecting or being served while the server closes
                assertTimeoutPreemptively(Duration.ofSeconds(15), server::stop);
                assertThat(ended.await(20, java.util.concurrent.TimeUnit.SECONDS))
                        .as("every stream saw its end").isTrue();
                sources.forEach(okhttp3.sse.EventSource::cancel);
                dispatcher.executorService().shutdown();
            } finally {
                System.setErr(originalErr);
            }
            assertThat(logged.toString(StandardCharsets.UTF_8).lines()
                    .filter(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.contains("Exception")).toList())
                    .as("failures logged while the server stopped").isEmpty();
        }
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
