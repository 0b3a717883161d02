package dev.termvault.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.app.desktop.account.AccountSetupViewModel;
import dev.termvault.app.desktop.account.AccountViewModel;
import dev.termvault.app.desktop.activity.ActivityViewModel;
import dev.termvault.app.desktop.common.RelativeTime;
import dev.termvault.app.desktop.sync.SyncStatusViewModel;
import dev.termvault.sync.client.SyncException;
import dev.termvault.sync.client.SyncHistory;
import dev.termvault.sync.client.SyncStatus;
import dev.termvault.sync.client.Synchronizer;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Host;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync view models without the JavaFX toolkit; the account flows against the real server on loopback. */
class SyncViewModelsTest {

    private static final String PASSWORD = "correct horse Battery 9";
    private static final TaskExecutor NOW = new CurrentThreadTaskExecutor();
    private static final Instant T = Instant.parse("2026-03-04T10:00:00Z");

    @TempDir
    Path temp;

    @Test
    void relativeTime_readsLikeAStatusBar() {
        assertThat(RelativeTime.ago(T, T)).isEqualTo("just now");
        assertThat(RelativeTime.ago(T, T.plusSeconds(44))).isEqualTo("just now");
        assertThat(RelativeTime.ago(T, T.plusSeconds(50))).isEqualTo("1 min ago");
        assertThat(RelativeTime.ago(T, T.plusSeconds(120))).isEqualTo("2 min ago");
        assertThat(RelativeTime.ago(T, T.plusSeconds(59 * 60))).isEqualTo("59 min ago");
        assertThat(RelativeTime.ago(T, T.plusSeconds(3 * 3600 + 100))).isEqualTo("3 h ago");
        assertThat(RelativeTime.ago(T, T.plusSeconds(30 * 3600))).isEqualTo("yesterday");
        assertThat(RelativeTime.ago(T, T.plusSeconds(5 * 86400))).isEqualTo("5 days ago");
        assertThat(RelativeTime.ago(T.plusSeconds(30), T)).as("a clock step backwards").isEqualTo("just now");
    }

    @Test
    void statusText_localOnlineOfflineFailed_andTheRelativeTimeMovesWithTheClock() {
        SyncStatusViewModel model = new SyncStatusViewModel(ZoneOffset.UTC);
        assertThat(model.stateProperty().get()).isEqualTo("Local vault (not synced)");
        assertThat(model.linkedProperty().get()).isFalse();
        assertThat(model.pendingProperty().get()).isEmpty();

        model.tick(T);
        model.update(new SyncStatus(SyncStatus.State.ONLINE, 0, T.minusSeconds(120), null, true));
        assertThat(model.stateProperty().get()).isEqualTo("Online");
        assertThat(model.toneProperty().get()).isEqualTo(SyncStatusViewModel.Tone.SUCCESS);
        assertThat(model.pendingProperty().get()).isEqualTo("All changes synced");
        assertThat(model.lastSyncProperty().get()).isEqualTo("Last sync 2 min ago");
        assertThat(model.errorProperty().get()).isEmpty();
        model.tick(T.plusSeconds(60));
        assertThat(model.lastSyncProperty().get()).isEqualTo("Last sync 3 min ago");

        model.update(new SyncStatus(SyncStatus.State.SYNCING, 1, T.minusSeconds(120), null, true));
        assertThat(model.stateProperty().get()).isEqualTo("Syncing…");
        assertThat(model.pendingProperty().get()).isEqualTo("1 change pending");

        model.update(new SyncStatus(SyncStatus.State.OFFLINE, 2, T.minusSeconds(120),
                "Could not reach the sync server (Connection refused)", false));
        assertThat(model.stateProperty().get()).isEqualTo("Offline");
        assertThat(model.toneProperty().get()).isEqualTo(SyncStatusViewModel.Tone.WARNING);
        assertThat(model.pendingProperty().get()).isEqualTo("2 changes pending");
        assertThat(model.errorProperty().get()).isEqualTo("Could not reach the sync server (Connection refused)");
        assertThat(model.errorDetailsProperty().get())
                .startsWith("Could not reach the sync server (Connection refused).")
                .contains("First seen: 2026-03-04 10:01:00")
                .contains("Last successful sync: 2026-03-04 09:58:00")
                .contains("Changes waiting on this device: 2")
                .contains("sent when the server is back");
        model.update(new SyncStatus(SyncStatus.State.SYNCING, 2, T.minusSeconds(120),
                "Could not reach the sync server (Connection refused)", false));
        assertThat(model.stateProperty().get()).as("a retry keeps showing offline").isEqualTo("Offline");
        model.tick(T.plusSeconds(300));
        model.update(new SyncStatus(SyncStatus.State.OFFLINE, 2, T.minusSeconds(120),
                "Could not reach the sync server (Connection refused)", false));
        assertThat(model.errorDetailsProperty().get()).as("the same error keeps its first time")
                .contains("First seen: 2026-03-04 10:01:00");

        model.update(new SyncStatus(SyncStatus.State.FAILED, 0, null,
                "The sync server sent data this device must refuse: record x is missing\nmore", false));
        assertThat(model.stateProperty().get()).isEqualTo("Sync failed");
        assertThat(model.toneProperty().get()).isEqualTo(SyncStatusViewModel.Tone.DANGER);
        assertThat(model.lastSyncProperty().get()).isEqualTo("Not synced yet");
        assertThat(model.errorProperty().get()).doesNotContain("more");
        assertThat(model.errorDetailsProperty().get()).contains("nothing on this device was overwritten")
                .contains("Last successful sync: none since the app started");

        model.update(new SyncStatus(SyncStatus.State.ONLINE, 0, T.plusSeconds(300), null, true));
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.errorDetailsProperty().get()).isEmpty();
        assertThat(model.lastSyncProperty().get()).isEqualTo("Last sync just now");
    }

    @Test
    void createAccount_signInElsewhere_cancelLeavesNothing_activityShowsTheLog_revokeEndsTheSession() throws Exception {
        try (LoopbackSyncServer server = new LoopbackSyncServer(temp.resolve("server"))) {
            AtomicReference<AccountSetupViewModel.Result> created = new AtomicReference<>();
            Path laptopDir = temp.resolve("laptop");
            AccountSetupViewModel create = new AccountSetupViewModel(AccountSetupViewModel.Mode.CREATE_ACCOUNT,
                    laptopDir, null, NOW, Runnable::run, created::set);

            create.serverUrlProperty().set("http://" + server.url().substring("https://".length()));
            create.checkServer();
            assertThat(create.errorProperty().get()).contains("must look like https://");
            assertThat(create.fingerprintProperty().get()).isEmpty();

            create.serverUrlProperty().set(server.url());
            create.checkServer();
            assertThat(create.fingerprintProperty().get()).isEqualToIgnoringCase(server.fingerprint());
            assertThat(create.stepProperty().get()).isEqualTo(AccountSetupViewModel.Step.SERVER);
            create.rejectFingerprint();
            assertThat(create.fingerprintProperty().get()).isEmpty();
            assertThat(create.errorProperty().get()).contains("not trusted");
            create.checkServer();
            create.confirmFingerprint();
            assertThat(create.stepProperty().get()).isEqualTo(AccountSetupViewModel.Step.DETAILS);

            create.emailProperty().set("vm@example.org");
            create.passwordProperty().set("short");
            assertThat(create.canSubmitProperty().get()).isFalse();
            assertThat(create.problemProperty().get()).contains("8 characters");
            create.passwordProperty().set(PASSWORD);
            create.confirmationProperty().set(PASSWORD + "x");
            assertThat(create.problemProperty().get()).contains("not the same");
            create.confirmationProperty().set(PASSWORD);
            assertThat(create.canSubmitProperty().get()).isTrue();
            create.submit();

            assertThat(create.errorProperty().get()).isEmpty();
            assertThat(create.stepProperty().get()).isEqualTo(AccountSetupViewModel.Step.EMERGENCY_KIT);
            assertThat(create.passwordProperty().get()).as("the password field is cleared").isEmpty();
            String secretKey = create.emergencyKitProperty().get().secretKey();
            create.finish();
            Vault laptop = created.get().vault();
            try {
                assertThat(laptop.account().syncLink()).isPresent();
                laptop.add(Host.of("web", "web.example.org", 22, "deploy"));
                laptop.add(Host.of("db", "db.example.org", 22, "ops"));
                Synchronizer laptopSync = new Synchronizer(laptop, created.get().session());
                SyncHistory history = SyncHistory.in(laptop.directory());
                laptopSync.recordHistory(history);
                laptopSync.syncOnce();
                assertThat(laptopSync.pendingCount()).isZero();

                ActivityViewModel activity = new ActivityViewModel(() -> Optional.of(created.get().session()),
                        history, NOW, ZoneOffset.UTC);
                activity.refresh();
                assertThat(activity.audit()).extracting(ActivityViewModel.Row::what)
                        .contains("Account created", "Signed in", "Key share released", "Device added");
                assertThat(activity.auditMessageProperty().get()).isEmpty();
                assertThat(activity.syncHistory()).extracting(ActivityViewModel.Row::what).contains("Pushed");

                // A second device: cancelled during the first sync, nothing is left behind.
                Path desktopDir = temp.resolve("desktop");
                AtomicReference<AccountSetupViewModel.Result> joined = new AtomicReference<>();
                AccountSetupViewModel signIn = new AccountSetupViewModel(AccountSetupViewModel.Mode.SIGN_IN,
                        desktopDir, null, NOW, Runnable::run, joined::set);
                signIn.serverUrlProperty().set(server.url());
                signIn.checkServer();
                signIn.confirmFingerprint();
                signIn.emailProperty().set("vm@example.org");
                signIn.passwordProperty().set(PASSWORD);
                assertThat(signIn.problemProperty().get()).contains("Secret Key");
                signIn.secretKeyProperty().set(secretKey);
                List<Double> progress = new ArrayList<>();
                signIn.progressProperty().addListener((obs, old, now) -> {
                    progress.add(now.doubleValue());
                    signIn.cancel();
                });
                signIn.submit();
                assertThat(progress).isNotEmpty();
                assertThat(joined.get()).isNull();
                assertThat(signIn.errorProperty().get()).startsWith("Cancelled.");
                assertThat(signIn.stepProperty().get()).isEqualTo(AccountSetupViewModel.Step.DETAILS);
                assertThat(Vault.exists(desktopDir)).as("nothing half-made").isFalse();

                // Again, to the end: the hosts arrive.
                AccountSetupViewModel again = new AccountSetupViewModel(AccountSetupViewModel.Mode.SIGN_IN,
                        desktopDir, null, NOW, Runnable::run, joined::set);
                again.serverUrlProperty().set(server.url());
                again.checkServer();
                again.confirmFingerprint();
                again.emailProperty().set("vm@example.org");
                again.passwordProperty().set("wrong password 123");
                again.secretKeyProperty().set(secretKey);
                again.submit();
                assertThat(again.errorProperty().get()).contains("email, password or Secret Key is wrong");
                assertThat(Vault.exists(desktopDir)).isFalse();
                again.passwordProperty().set(PASSWORD);
                again.submit();
                assertThat(again.errorProperty().get()).isEmpty();
                assertThat(again.progressProperty().get()).isEqualTo(1.0);
                try (Vault desktop = joined.get().vault()) {
                    assertThat(desktop.list()).extracting(r -> ((Host) r.item()).label())
                            .containsExactlyInAnyOrder("web", "db");

                    // The Account section on the laptop lists the desktop and revokes it: its session ends.
                    AccountViewModel account = new AccountViewModel(laptop,
                            () -> Optional.of(created.get().session()), NOW, ZoneOffset.UTC);
                    account.refresh();
                    String desktopId = joined.get().session().deviceId();
                    AccountViewModel.DeviceRow row = account.devices().stream()
                            .filter(d -> d.id().equals(desktopId)).findFirst().orElseThrow();
                    assertThat(row.current()).isFalse();
                    assertThat(account.devices()).filteredOn(AccountViewModel.DeviceRow::current).hasSize(1);
                    account.revoke(row);
                    assertThat(account.messageProperty().get()).startsWith("Revoked");
                    assertThat(account.devices()).filteredOn(d -> d.id().equals(desktopId))
                            .singleElement().matches(AccountViewModel.DeviceRow::revoked);
                    assertThatThrownBy(() -> joined.get().session().devices())
                            .isInstanceOf(SyncException.LoginFailed.class);
                } finally {
                    joined.get().session().client().shutdown();
                }
            } finally {
                created.get().session().client().shutdown();
                laptop.close();
            }
        }
    }
}
