package dev.termvault.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.termvault.sync.protocol.blobs.Change;
import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One device rotates the vault key; the other devices fetch the new wrapped key from the server and keep
 * syncing both ways, and the records reach the server under the new key.
 */
class VaultKeyRotationSyncTest {

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
    void rotationOnOneDevice_otherDevicesFetchTheNewKey_andEveryoneKeepsSyncing() {
        String email = TwoDeviceSyncTest.email();
        CreatedVault created = Vault.createLocal(dir.resolve("laptop"), TwoDeviceSyncTest.pw());
        try (Vault laptop = created.vault()) {
            VaultRecord web = laptop.add(Host.of("web", "web.example.org", 22, "deploy"));
            VaultRecord db = laptop.add(Host.of("db", "db.example.org", 5432, "postgres"));
            VaultRecord mail = laptop.add(Host.of("mail", "mail.example.org", 22, "postfix"));
            AccountSession laptopSession = server.client().build().signUp(laptop, email, TwoDeviceSyncTest.pw());
            Synchronizer laptopSync = new Synchronizer(laptop, laptopSession);
            laptopSync.syncOnce();
            SyncClient.Joined joined = server.client().build().join(dir.resolve("desktop"), email,
                    TwoDeviceSyncTest.pw(), created.secretKey());
            try (Vault desktop = joined.vault()) {
                Synchronizer desktopSync = new Synchronizer(desktop, joined.session());
                desktopSync.syncOnce();
                assertThat(desktop.list()).hasSize(3);
                // written under key version 1 and pushed, but not pulled by the laptop before it rotates
                VaultRecord late = desktop.add(Host.of("late", "late.example.org", 22, "ops"));
                desktopSync.syncOnce();

                assertThat(laptop.account().rotateVaultKey()).isEqualTo(2);
                assertThat(laptop.account().wrappedVaultKeys()).containsOnlyKeys(2);
                laptop.update(web.id(), Host.of("web", "web2.example.org", 22, "deploy"));
                VaultRecord fresh = laptop.add(Host.of("fresh", "fresh.example.org", 22, "ops"));
                // an edit on the desktop, still under version 1, concurrent with the rotation
                desktop.update(db.id(), Host.of("db", "db.example.org", 5433, "postgres"));

                laptopSync.syncOnce();
                assertThat(laptop.sync().pendingCount()).isZero();
                assertThat(laptop.get(late.id())).isPresent();
                assertThat(joined.session().wrappedKeys(desktop.vaultId())).containsKeys(1, 2);
                for (Change change : laptopSession.pull(laptop.vaultId(), 0, 1000).changes()) {
                    if (!change.recordId().equals(late.id())) {
                        assertThat(keyVersion(change.envelope())).as(change.recordId()).isEqualTo(2);
                    }
                }

                desktopSync.syncOnce();
                assertThat(desktop.account().wrappedVaultKeys()).containsKeys(1, 2);
                assertThat(OfflineAndStreamTest.hostname(desktop, web.id())).isEqualTo("web2.example.org");
                assertThat(desktop.get(fresh.id())).isPresent();
                assertThat(desktop.sync().pendingCount()).isZero();
                // the desktop now writes under the new key
                assertThat(desktop.sync().local(UUID.fromString(db.id())).orElseThrow().keyVersion()).isEqualTo(2);
                desktop.update(mail.id(), Host.of("mail", "mail2.example.org", 22, "postfix"));
                desktopSync.syncOnce();
                assertThat(desktop.sync().local(UUID.fromString(mail.id())).orElseThrow().keyVersion()).isEqualTo(2);

                laptopSync.syncOnce();
                assertThat(((Host) laptop.get(db.id()).orElseThrow().item()).port()).isEqualTo(5433);
                assertThat(OfflineAndStreamTest.hostname(laptop, mail.id())).isEqualTo("mail2.example.org");
                assertThat(TwoDeviceSyncTest.contents(laptop)).isEqualTo(TwoDeviceSyncTest.contents(desktop));

                // a device joining after the rotation reads everything
                SyncClient.Joined third = server.client().build().join(dir.resolve("third"), email,
                        TwoDeviceSyncTest.pw(), created.secretKey());
                try (Vault phone = third.vault()) {
                    new Synchronizer(phone, third.session()).syncOnce();
                    assertThat(TwoDeviceSyncTest.contents(phone)).isEqualTo(TwoDeviceSyncTest.contents(laptop));
                }
            }
        }
    }

    @Test
    void aNewKeyVersionThatDoesNotOpen_isRefused_andNothingIsWritten() {
        String email = TwoDeviceSyncTest.email();
        CreatedVault created = Vault.createLocal(dir.resolve("laptop"), TwoDeviceSyncTest.pw());
        try (Vault laptop = created.vault()) {
            VaultRecord web = laptop.add(Host.of("web", "web.example.org", 22, "deploy"));
            Synchronizer laptopSync = new Synchronizer(laptop,
                    server.client().build().signUp(laptop, email, TwoDeviceSyncTest.pw()));
            laptopSync.syncOnce();
            TrafficTap tap = new TrafficTap();
            SyncClient.Joined joined = server.client().addInterceptor(tap).build().join(dir.resolve("desktop"),
                    email, TwoDeviceSyncTest.pw(), created.secretKey());
            try (Vault desktop = joined.vault()) {
                Synchronizer desktopSync = new Synchronizer(desktop, joined.session());
                desktopSync.syncOnce();
                laptop.account().rotateVaultKey();
                laptop.update(web.id(), Host.of("web", "web2.example.org", 22, "deploy"));
                laptopSync.syncOnce();

                byte[] foreign = new byte[60];
                new java.util.Random(11).nextBytes(foreign);
                tap.rewrite("/keys", (request, answer) -> {
                    for (var key : answer.get("keys")) {
                        if (key.get("keyVersion").asInt() == 2) {
                            ((ObjectNode) key).put("wrappedKey", Base64.getEncoder().encodeToString(foreign));
                        }
                    }
                    return answer;
                });
                assertThatThrownBy(desktopSync::syncOnce).isInstanceOf(SyncException.ServerMisbehaved.class)
                        .hasMessageContaining("wrapped vault key");
                assertThat(desktop.account().wrappedVaultKeys()).containsOnlyKeys(1);
                assertThat(OfflineAndStreamTest.hostname(desktop, web.id())).isEqualTo("web.example.org");

                tap.stopRewriting();
                desktopSync.syncOnce();
                assertThat(OfflineAndStreamTest.hostname(desktop, web.id())).isEqualTo("web2.example.org");
                assertThat(List.copyOf(desktop.account().wrappedVaultKeys().keySet())).containsExactly(1, 2);
            }
        }
    }

    /** The vault-key version in an envelope header (bytes 92..95, see docs/security/envelope-v1.md). */
    private static int keyVersion(byte[] envelope) {
        return java.nio.ByteBuffer.wrap(envelope, 92, 4).getInt();
    }
}
