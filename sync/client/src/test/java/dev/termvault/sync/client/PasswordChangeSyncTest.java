package dev.termvault.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.termvault.sync.protocol.blobs.KeyEpoch;
import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.KdfParams;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultKeyWraps;
import dev.termvault.vault.internal.crypto.KeyHierarchy;
import dev.termvault.vault.internal.crypto.SecretKey;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.secret.SecretAccess;
import dev.termvault.vault.secret.SecretBytes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changing the master password of a synced vault, against the real server on loopback: the change on one
 * device, the take-over on another (its outbox kept), the old password refused by the key service, an
 * interrupted change finished by running it again, and what travels on the wire.
 */
class PasswordChangeSyncTest {

    static final String NEW_PASSWORD = "a different passphrase, longer 42";

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

    static char[] oldPw() {
        return TwoDeviceSyncTest.PASSWORD.toCharArray();
    }

    static char[] newPw() {
        return NEW_PASSWORD.toCharArray();
    }

    /** A signed-up laptop with two hosts, synced, and the email and Secret Key of its account. */
    private record Account(Vault laptop, AccountSession session, String email, String secretKey) {
    }

    private Account signUp(String name, SyncClient client) {
        String email = "passwd-" + UUID.randomUUID() + "@example.org";
        CreatedVault created = Vault.createLocal(dir.resolve(name), oldPw());
        Vault laptop = created.vault();
        laptop.add(Host.of("web", "web.example.org", 22, "deploy"));
        laptop.add(Host.of("db", "db.example.org", 5432, "postgres"));
        AccountSession session = client.signUp(laptop, email, oldPw());
        new Synchronizer(laptop, session).syncOnce();
        return new Account(laptop, session, email, created.secretKey());
    }

    @Test
    void changeOnOneDevice_otherDeviceKeepsItsPendingEdits_andTakesTheNewPasswordOver() {
        Account a = signUp("laptop", server.client().deviceName("laptop").build());
        Vault laptop = a.laptop();
        SyncClient.Joined joined = server.client().deviceName("desktop").build()
                .join(dir.resolve("desktop"), a.email(), oldPw(), a.secretKey());
        Vault desktop = joined.vault();
        new Synchronizer(desktop, joined.session()).syncOnce();
        Map<Integer, byte[]> before = desktop.account().wrappedVaultKeys();

        // The desktop edits while it is offline: the edits wait in its outbox.
        String web = desktop.list().stream().filter(r -> ((Host) r.item()).label().equals("web")).findFirst()
                .orElseThrow().id();
        desktop.update(web, Host.of("web", "web-offline.example.org", 22, "deploy"));
        desktop.add(Host.of("cache", "cache.example.org", 6379, "redis"));
        desktop.close();

        AccountSession changed = server.client().build().changePassword(laptop, oldPw(), newPw());
        new Synchronizer(laptop, changed).syncOnce();
        laptop.lock();
        assertThatThrownBy(() -> laptop.unlock(oldPw())).isInstanceOf(VaultException.WrongPassword.class);
        laptop.unlock(newPw());

        // The key service refuses the old password: a new device cannot join with it.
        assertThatThrownBy(() -> server.client().build().join(dir.resolve("with-old"), a.email(), oldPw(),
                a.secretKey())).isInstanceOf(SyncException.LoginFailed.class);

        try (Vault desk = Vault.open(dir.resolve("desktop"))) {
            // Offline, the desktop still opens with the old password; online, the old one is refused clearly.
            desk.unlock(oldPw());
            assertThat(desk.list()).hasSize(3);
            SyncClient deskClient = SyncClient.builder(desk.account().syncLink().orElseThrow()).build();
            assertThatThrownBy(() -> deskClient.logIn(desk, oldPw()))
                    .isInstanceOf(SyncException.PasswordChanged.class)
                    .hasMessage("The master password was changed on another device; enter the new one");
            desk.lock();
            assertThatThrownBy(() -> desk.unlock(newPw())).isInstanceOf(VaultException.WrongPassword.class);

            AccountSession deskSession = deskClient.adoptNewPassword(desk, newPw()).orElseThrow();
            assertThat(desk.isUnlocked()).isTrue();
            Synchronizer deskSync = new Synchronizer(desk, deskSession);
            assertThat(deskSync.pendingCount()).as("no edit lost").isEqualTo(2);
            deskSync.syncOnce();
            assertThat(deskSync.pendingCount()).isZero();
            assertThat(VaultKeyWraps.maxEpoch(desk.account().wrappedVaultKeys())).isEqualTo(1);
            assertThat(desk.account().wrappedVaultKeys().get(1)).isNotEqualTo(before.get(1));

            desk.lock();
            assertThatThrownBy(() -> desk.unlock(oldPw())).isInstanceOf(VaultException.WrongPassword.class);
            desk.unlock(newPw());
            assertThat(deskClient.adoptNewPassword(desk, newPw())).as("nothing left to take over").isEmpty();

            new Synchronizer(laptop, changed).syncOnce();
            assertThat(laptop.list()).extracting(r -> ((Host) r.item()).hostname())
                    .containsExactlyInAnyOrder("web-offline.example.org", "db.example.org", "cache.example.org");
            assertThat(TwoDeviceSyncTest.contents(laptop)).isEqualTo(TwoDeviceSyncTest.contents(desk));
            deskClient.logIn(desk, newPw());
        }

        // A new device joins with the new password and gets everything.
        SyncClient.Joined third = server.client().build().join(dir.resolve("third"), a.email(), newPw(), a.secretKey());
        try (Vault v = third.vault()) {
            new Synchronizer(v, third.session()).syncOnce();
            assertThat(TwoDeviceSyncTest.contents(v)).isEqualTo(TwoDeviceSyncTest.contents(laptop));
        }
        laptop.close();
    }

    @Test
    void interruptedAfterTheVerifierChanged_theOldPasswordStillOpensOffline_andRunningAgainFinishes() {
        Account a = signUp("laptop", server.client().build());
        Vault laptop = a.laptop();
        SyncClient.Joined other = server.client().build().join(dir.resolve("other"), a.email(), oldPw(),
                a.secretKey());
        other.vault().close();
        SyncClient cut = server.client().addInterceptor(failOn("/keys/rewrap", false)).build();
        assertThatThrownBy(() -> cut.changePassword(laptop, oldPw(), newPw()))
                .isInstanceOf(SyncException.Offline.class);

        // The key service already has the new verifier; this vault and the blob service still have the old keys.
        assertThatThrownBy(() -> server.client().build().logIn(laptop, oldPw()))
                .isInstanceOf(SyncException.PasswordChanged.class);
        laptop.lock();
        laptop.unlock(oldPw());
        assertThat(laptop.list()).hasSize(2);

        // Another device that already knows the new password is told to finish the change where it started.
        try (Vault v = Vault.open(dir.resolve("other"))) {
            assertThatThrownBy(() -> server.client().build().adoptNewPassword(v, newPw()))
                    .isInstanceOf(SyncException.LoginFailed.class).hasMessageContaining("has not finished");
            v.unlock(oldPw());
        }

        AccountSession session = server.client().build().changePassword(laptop, oldPw(), newPw());
        new Synchronizer(laptop, session).syncOnce();
        laptop.lock();
        laptop.unlock(newPw());
        assertThat(laptop.list()).hasSize(2);
        try (Vault v = Vault.open(dir.resolve("other"))) {
            new Synchronizer(v, server.client().build().adoptNewPassword(v, newPw()).orElseThrow()).syncOnce();
            assertThat(TwoDeviceSyncTest.contents(v)).isEqualTo(TwoDeviceSyncTest.contents(laptop));
        }
        laptop.close();
    }

    @Test
    void interruptedAfterTheKeysWereRewrapped_runningAgainFinishesWithoutAnotherRewrap() {
        Account a = signUp("laptop", server.client().build());
        Vault laptop = a.laptop();
        SyncClient cut = server.client().addInterceptor(failOn("/keys/rewrap", true)).build();
        assertThatThrownBy(() -> cut.changePassword(laptop, oldPw(), newPw()))
                .isInstanceOf(SyncException.Offline.class);
        laptop.lock();
        laptop.unlock(oldPw());

        TrafficTap tap = new TrafficTap();
        server.client().addInterceptor(tap).build().changePassword(laptop, oldPw(), newPw());
        assertThat(tap.captured).noneMatch(m -> m.contains("/keys/rewrap"));
        assertThat(tap.captured).noneMatch(m -> m.contains("/v1/keys/account/password"));
        laptop.lock();
        laptop.unlock(newPw());
        assertThat(VaultKeyWraps.maxEpoch(laptop.account().wrappedVaultKeys())).isEqualTo(1);
        laptop.close();
    }

    @Test
    void aKeyVersionMadeOnAnotherDevice_isReWrappedToo_andThatDeviceTakesTheChangeOver() {
        Account a = signUp("laptop", server.client().build());
        Vault laptop = a.laptop();
        SyncClient.Joined joined = server.client().build().join(dir.resolve("desktop"), a.email(), oldPw(),
                a.secretKey());
        try (Vault desktop = joined.vault()) {
            new Synchronizer(desktop, joined.session()).syncOnce();
            int version = desktop.account().rotateVaultKey();
            joined.session().putWrappedKey(desktop.vaultId(), version, desktop.account().wrappedVaultKeys().get(version));
        }
        assertThat(laptop.account().wrappedVaultKeys()).containsOnlyKeys(1);

        AccountSession session = server.client().build().changePassword(laptop, oldPw(), newPw());
        Map<Integer, byte[]> served = session.wrappedKeys(laptop.vaultId());
        assertThat(served).containsOnlyKeys(1, 2);
        assertThat(served.values()).allMatch(w -> KeyEpoch.of(w) == 1);

        try (Vault desktop = Vault.open(dir.resolve("desktop"))) {
            assertThat(server.client().build().adoptNewPassword(desktop, newPw())).isPresent();
            assertThat(desktop.account().wrappedVaultKeys()).containsOnlyKeys(2);
            assertThat(desktop.list()).hasSize(2);
            assertThat(desktop.unreadable()).isEmpty();
        }
        laptop.close();
    }

    @Test
    void aDeviceThatMissedARotationAndAPasswordChange_fetchesTheReWrappedKey_andReadsEverything() {
        Account a = signUp("laptop", server.client().build());
        Vault laptop = a.laptop();
        SyncClient.Joined joined = server.client().build().join(dir.resolve("desktop"), a.email(), oldPw(),
                a.secretKey());
        new Synchronizer(joined.vault(), joined.session()).syncOnce();
        joined.vault().close();

        // While the desktop is away, the laptop rotates the vault key (version 2 reaches the server with the
        // records sealed under it), then changes the password: both versions are re-wrapped at epoch 1.
        assertThat(laptop.account().rotateVaultKey()).isEqualTo(2);
        laptop.add(Host.of("after-rotation", "new.example.org", 22, "ops"));
        new Synchronizer(laptop, a.session()).syncOnce();
        AccountSession changed = server.client().build().changePassword(laptop, oldPw(), newPw());
        Map<Integer, byte[]> served = changed.wrappedKeys(laptop.vaultId());
        assertThat(served).containsOnlyKeys(1, 2);
        assertThat(served.values()).allMatch(w -> KeyEpoch.of(w) == 1);

        try (Vault desk = Vault.open(dir.resolve("desktop"))) {
            SyncClient deskClient = SyncClient.builder(desk.account().syncLink().orElseThrow()).build();
            AccountSession session = deskClient.adoptNewPassword(desk, newPw()).orElseThrow();
            new Synchronizer(desk, session).syncOnce();
            assertThat(desk.unreadable()).isEmpty();
            assertThat(desk.account().wrappedVaultKeys()).containsKey(2);
            assertThat(TwoDeviceSyncTest.contents(desk)).isEqualTo(TwoDeviceSyncTest.contents(laptop));
        }
        laptop.close();
    }

    @Test
    void aWrongCurrentPassword_changesNothingAnywhere() {
        Account a = signUp("laptop", server.client().build());
        Vault laptop = a.laptop();
        assertThatThrownBy(() -> server.client().build().changePassword(laptop, "not it".toCharArray(), newPw()))
                .isInstanceOf(VaultException.WrongPassword.class);
        server.client().build().logIn(laptop, oldPw());
        laptop.close();
    }

    @Test
    void theBlobServiceAcceptsOnlyANewerEpoch_andADeviceRefusesTheKeysOfBeforeTheChange() {
        Account a = signUp("laptop", server.client().build());
        Vault laptop = a.laptop();
        UUID vaultId = laptop.vaultId();
        byte[] epochZero = laptop.account().wrappedVaultKeys().get(1);
        AccountSession session = server.client().build().changePassword(laptop, oldPw(), newPw());
        assertThat(KeyEpoch.of(session.wrappedKeys(vaultId).get(1))).isEqualTo(1);

        byte[] sameEpoch = new byte[KeyEpoch.FRAMED_LENGTH];
        sameEpoch[0] = KeyEpoch.MARK;
        sameEpoch[4] = 1;
        assertThatThrownBy(() -> session.rewrapKeys(vaultId, 1, Map.of(1, sameEpoch)))
                .isInstanceOf(SyncException.Rejected.class).extracting(e -> ((SyncException.Rejected) e).status())
                .isEqualTo(409);
        assertThatThrownBy(() -> session.rewrapKeys(vaultId, 0, Map.of(1, epochZero)))
                .isInstanceOf(SyncException.Rejected.class).extracting(e -> ((SyncException.Rejected) e).status())
                .isEqualTo(400);
        sameEpoch[4] = 2;
        assertThatThrownBy(() -> session.rewrapKeys(vaultId, 2, Map.of(1, sameEpoch, 2, sameEpoch)))
                .isInstanceOf(SyncException.Rejected.class).extracting(e -> ((SyncException.Rejected) e).status())
                .isEqualTo(409);

        // A server that serves the key set of before the change (epoch 0) is refused.
        TrafficTap tap = new TrafficTap();
        tap.rewrite("/keys", (request, answer) -> {
            for (JsonNode key : answer.get("keys")) {
                ((ObjectNode) key).put("wrappedKey", Base64.getEncoder().encodeToString(epochZero));
            }
            return answer;
        });
        SyncClient lying = server.client().addInterceptor(tap).build();
        assertThatThrownBy(() -> lying.logIn(laptop, newPw()))
                .isInstanceOf(SyncException.ServerMisbehaved.class).hasMessageContaining("swapped");
        laptop.close();
    }

    @Test
    void theServerNeverSeesEitherPasswordOrTheNewUserKey() {
        TrafficTap tapA = new TrafficTap();
        Account a = signUp("laptop", server.client().build());
        Vault laptop = a.laptop();
        SyncClient.Joined joined = server.client().build().join(dir.resolve("desktop"), a.email(), oldPw(),
                a.secretKey());
        joined.vault().close();
        server.client().addInterceptor(tapA).build().changePassword(laptop, oldPw(), newPw());
        TrafficTap tapB = new TrafficTap();
        try (Vault desk = Vault.open(dir.resolve("desktop"))) {
            server.client().addInterceptor(tapB).build().adoptNewPassword(desk, newPw()).orElseThrow();
        }
        List<String> forbidden = new ArrayList<>(List.of(TwoDeviceSyncTest.PASSWORD, NEW_PASSWORD));
        try (SecretKey secretKey = SecretKey.parse(a.secretKey());
             SecretBytes userKey = KeyHierarchy.userKey(newPw(), secretKey, laptop.account().salt(), KdfParams.DEFAULT)) {
            byte[] raw = userKey.reveal(SecretAccess.insecure());
            forbidden.add(Base64.getEncoder().encodeToString(raw));
            forbidden.add(Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
            forbidden.add(HexFormat.of().formatHex(raw));
        }
        List<String> all = new ArrayList<>(tapA.captured);
        all.addAll(tapB.captured);
        assertThat(all).anyMatch(m -> m.contains("/v1/keys/account/password"));
        assertThat(all).anyMatch(m -> m.contains("/keys/rewrap"));
        for (String message : all) {
            for (String secret : forbidden) {
                assertThat(message).doesNotContain(secret);
            }
        }
        laptop.close();
    }

    /** Fails the first request whose path ends with {@code suffix}: before it is sent, or after its answer. */
    static Interceptor failOn(String suffix, boolean afterTheServerAnswered) {
        boolean[] done = {false};
        return chain -> {
            boolean hit = !done[0] && chain.request().url().encodedPath().endsWith(suffix);
            if (hit && !afterTheServerAnswered) {
                done[0] = true;
                throw new IOException("connection cut (test)");
            }
            Response response = chain.proceed(chain.request());
            if (hit) {
                done[0] = true;
                response.close();
                throw new IOException("connection cut after the answer (test)");
            }
            return response;
        };
    }

}
