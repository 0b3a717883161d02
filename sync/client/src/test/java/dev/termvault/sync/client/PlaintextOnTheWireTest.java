package dev.termvault.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.SshKey;
import dev.termvault.vault.secret.SecretAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every request and response of two devices' sessions is captured: no plaintext marker is in any of them. */
class PlaintextOnTheWireTest {

    @TempDir
    Path dir;

    @Test
    void signUpJoinAndSync_noMarkerInAnyRequestOrResponse() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            markers.add("markerhost" + run + i + ".internal");
            markers.add("markeruser" + run + i);
        }
        String keyComment = "markercomment" + run;
        markers.add(keyComment);
        TrafficTap laptopTap = new TrafficTap();
        TrafficTap desktopTap = new TrafficTap();
        String[] secretKeyForms;
        try (TestServer server = new TestServer(dir.resolve("server"))) {
            String email = "wire-" + run + "@example.org";
            CreatedVault created = Vault.createLocal(dir.resolve("laptop"), TwoDeviceSyncTest.pw());
            secretKeyForms = secretKeyForms(created.secretKey());
            try (Vault laptop = created.vault()) {
                for (int i = 0; i < 20; i++) {
                    laptop.add(Host.of("label" + i, markers.get(2 * i), 22, markers.get(2 * i + 1)));
                }
                laptop.add(new SshKey("deploy key", "-----BEGIN OPENSSH PRIVATE KEY-----", "ssh-ed25519 AAAA",
                        keyComment, "ssh-ed25519"));
                Synchronizer laptopSync = new Synchronizer(laptop, server.client().addInterceptor(laptopTap).build()
                        .signUp(laptop, email, TwoDeviceSyncTest.pw()));
                laptopSync.syncOnce();
                SyncClient.Joined joined = server.client().addInterceptor(desktopTap).build()
                        .join(dir.resolve("desktop"), email, TwoDeviceSyncTest.pw(), created.secretKey());
                try (Vault desktop = joined.vault()) {
                    Synchronizer desktopSync = new Synchronizer(desktop, joined.session());
                    desktopSync.syncOnce();
                    String first = desktop.list().get(0).id();
                    desktop.update(first, Host.of("label-x", markers.get(0), 2222, markers.get(1)));
                    desktopSync.syncOnce();
                    laptopSync.syncOnce();
                    assertThat(desktop.list()).hasSize(21);
                    assertThat(TwoDeviceSyncTest.contents(laptop)).isEqualTo(TwoDeviceSyncTest.contents(desktop));
                }
            }
        }
        List<String> all = new ArrayList<>(laptopTap.captured);
        all.addAll(desktopTap.captured);
        assertThat(all).hasSizeGreaterThan(20);
        for (String message : all) {
            for (String marker : markers) {
                assertThat(message).doesNotContainIgnoringCase(marker);
            }
            assertThat(message).doesNotContain(TwoDeviceSyncTest.PASSWORD);
            assertThat(message).as("the Secret Key never travels").doesNotContain(secretKeyForms);
        }
    }

    /** The Secret Key as printed, without dashes, and its 16 raw bytes in base64 and hex. */
    private static String[] secretKeyForms(String printed) {
        try (dev.termvault.vault.internal.crypto.SecretKey key = dev.termvault.vault.internal.crypto.SecretKey.parse(printed);
             dev.termvault.vault.secret.SecretBytes raw = key.toSecretBytes()) {
            byte[] bytes = raw.reveal(SecretAccess.insecure());
            String[] forms = {printed, printed.replace("-", ""), java.util.Base64.getEncoder().encodeToString(bytes),
                    java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                    java.util.HexFormat.of().formatHex(bytes)};
            java.util.Arrays.fill(bytes, (byte) 0);
            return forms;
        }
    }
}
