package dev.termvault.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two devices through the real server on loopback: sign-up with an existing vault, join, edits both ways. */
class TwoDeviceSyncTest {

    static final String PASSWORD = "correct horse battery staple";

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

    static String email() {
        return "user-" + UUID.randomUUID() + "@example.org";
    }

    static char[] pw() {
        return PASSWORD.toCharArray();
    }

    @Test
    void signUpThenJoin_secondDeviceGetsTheWholeVault_andEditsFlowBothWays() {
        String email = email();
        CreatedVault created = Vault.createLocal(dir.resolve("laptop"), pw());
        try (Vault laptop = created.vault()) {
            VaultRecord web = laptop.add(Host.of("web", "web.example.org", 22, "deploy"));
            laptop.add(Host.of("db", "db.example.org", 5432, "postgres"));
            SyncClient client = server.client().deviceName("laptop").build();
            Synchronizer laptopSync = new Synchronizer(laptop, client.signUp(laptop, email, pw()));
            laptopSync.syncOnce();
            assertThat(laptopSync.pendingCount()).isZero();

            SyncClient.Joined joined = server.client().deviceName("desktop").build()
                    .join(dir.resolve("desktop"), email, pw(), created.secretKey());
            try (Vault desktop = joined.vault()) {
                Synchronizer desktopSync = new Synchronizer(desktop, joined.session());
                desktopSync.syncOnce();
                assertThat(desktop.list()).extracting(r -> ((Host) r.item()).hostname())
                        .containsExactlyInAnyOrder("web.example.org", "db.example.org");

                desktop.update(web.id(), Host.of("web", "web2.example.org", 22, "deploy"));
                desktop.add(Host.of("cache", "cache.example.org", 6379, "redis"));
                desktopSync.syncOnce();
                laptopSync.syncOnce();
                assertThat(laptop.list()).extracting(r -> ((Host) r.item()).hostname())
                        .containsExactlyInAnyOrder("web2.example.org", "db.example.org", "cache.example.org");

                laptop.delete(web.id());
                laptopSync.syncOnce();
                desktopSync.syncOnce();
                assertThat(desktop.get(web.id())).isEmpty();
                assertThat(contents(desktop)).isEqualTo(contents(laptop));
            }
        }
    }

    @Test
    void join_withWrongPassword_isRefusedAsLoginFailed() {
        String email = email();
        CreatedVault created = Vault.createLocal(dir.resolve("a"), pw());
        try (Vault vault = created.vault()) {
            server.client().build().signUp(vault, email, pw());
            assertThatThrownBy(() -> server.client().build().join(dir.resolve("b"), email,
                    "wrong password".toCharArray(), created.secretKey()))
                    .isInstanceOf(SyncException.LoginFailed.class);
        }
    }

    @Test
    void join_withTheRightPasswordButAnotherSecretKey_isRefusedAndBringsNothing() {
        String email = email();
        CreatedVault created = Vault.createLocal(dir.resolve("a"), pw());
        CreatedVault other = Vault.createLocal(dir.resolve("other"), pw());
        other.vault().close();
        try (Vault vault = created.vault()) {
            vault.add(Host.of("one", "one.example.org", 22, "root"));
            new Synchronizer(vault, server.client().build().signUp(vault, email, pw())).syncOnce();
            assertThatThrownBy(() -> server.client().build().join(dir.resolve("b"), email, pw(), other.secretKey()))
                    .isInstanceOf(SyncException.LoginFailed.class);
            assertThat(Vault.exists(dir.resolve("b"))).as("no vault is made on the new device").isFalse();
        }
    }

    @Test
    void joinedDevice_unlocksAndReadsWithThePasswordAlone_whenTheServerIsGone() {
        String email = email();
        CreatedVault created = Vault.createLocal(dir.resolve("a"), pw());
        List<String> expected;
        try (TestServer own = new TestServer(dir.resolve("own-server")); Vault laptop = created.vault()) {
            laptop.add(Host.of("one", "one.example.org", 22, "root"));
            laptop.add(Host.of("two", "two.example.org", 2222, "admin"));
            new Synchronizer(laptop, own.client().build().signUp(laptop, email, pw())).syncOnce();
            SyncClient.Joined joined = own.client().build().join(dir.resolve("desktop"), email, pw(),
                    created.secretKey());
            try (Vault desktop = joined.vault()) {
                new Synchronizer(desktop, joined.session()).syncOnce();
            }
            expected = contents(laptop);
        }
        try (Vault desktop = Vault.open(dir.resolve("desktop"))) {
            desktop.unlock(pw());
            assertThat(contents(desktop)).isEqualTo(expected);
        }
    }

    @Test
    void logIn_linkedVaultAfterRestart_worksWithThePasswordAlone() {
        String email = email();
        CreatedVault created = Vault.createLocal(dir.resolve("a"), pw());
        created.vault().add(Host.of("one", "one.example.org", 22, "root"));
        new Synchronizer(created.vault(), server.client().build().signUp(created.vault(), email, pw())).syncOnce();
        created.vault().close();
        try (Vault reopened = Vault.open(dir.resolve("a"))) {
            reopened.unlock(pw());
            assertThat(reopened.list()).hasSize(1);
            AccountSession session = SyncClient.builder(reopened.account().syncLink().orElseThrow()).build().logIn(reopened, pw());
            new Synchronizer(reopened, session).syncOnce();
            assertThat(session.devices()).isNotEmpty();
        }
    }

    @Test
    void aServerWhoseCertificateIsNotThePinnedOne_isRefusedBeforeAnyRequestIsSent() {
        TrafficTap tap = new TrafficTap();
        SyncClient client = SyncClient.builder(server.uri(), "AB".repeat(32)).addInterceptor(tap).build();
        assertThatThrownBy(() -> client.join(dir.resolve("x"), email(), pw(), "unused"))
                .isInstanceOf(SyncException.Offline.class)
                .hasRootCauseInstanceOf(java.security.cert.CertificateException.class);
        assertThat(tap.captured).hasSize(1).allMatch(m -> m.startsWith("POST"));
        assertThat(Vault.exists(dir.resolve("x"))).isFalse();
    }

    static List<String> contents(Vault vault) {
        return vault.list().stream().map(r -> r.id() + "=" + r.item()).sorted().toList();
    }
}
