package dev.termvault.app.desktop;

import dev.termvault.app.desktop.account.AccountSetupViewModel;
import dev.termvault.app.desktop.account.AccountViewModel;
import dev.termvault.app.desktop.activity.ActivityViewModel;
import dev.termvault.app.desktop.sync.SyncStatusViewModel;
import dev.termvault.app.desktop.account.AccountPane;
import dev.termvault.app.desktop.account.AccountSetupView;
import dev.termvault.app.desktop.activity.ActivityPane;
import dev.termvault.app.desktop.sync.StatusBar;
import dev.termvault.app.core.account.DeviceName;
import dev.termvault.app.core.account.SyncSession;
import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.client.BackgroundSync;
import dev.termvault.sync.client.SyncHistory;
import dev.termvault.vault.Vault;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Sync in the main window of one unlocked vault: the status bar, the Account and Activity sections, and the
 * background sync behind them (started here once the vault is linked, stopped by {@link #close}).
 */
public final class SyncShell implements AutoCloseable {

    private final Vault vault;
    private final TaskExecutor executor;
    private final BackgroundSync.Timing timing;
    private final ZoneId zone = ZoneId.systemDefault();
    private final SyncStatusViewModel status = new SyncStatusViewModel(zone);
    private final AccountPane accountPane = new AccountPane();
    private final StackPane activityHolder = new StackPane();
    private StatusBar statusBar;
    private SyncSession sync;
    private ActivityPane activity;
    private AccountViewModel account;

    SyncShell(Vault vault, TaskExecutor executor, BackgroundSync.Timing timing) {
        this.vault = vault;
        this.executor = executor;
        this.timing = timing;
    }

    /** Adds the status bar and the Activity and Account sections to {@code main}. */
    void attach(MainView main) {
        statusBar = new StatusBar(status, this::checkPending, this::syncNow);
        main.setStatusBar(statusBar.root());
        main.addSection("Activity", Material2MZ.TIMELINE, activityHolder, this::showActivity);
        main.addSection("Account", Material2AL.ACCOUNT_CIRCLE, accountPane.root(), () -> {
            if (account != null) {
                account.refresh();
            }
        });
        if (vault.account().syncLink().isEmpty()) {
            showLinkForm();
        }
        rebuildActivity();
    }

    /** Starts sync for a linked vault with the master password just used to unlock it (wiped here or later). */
    void start(char[] password) {
        if (vault.account().syncLink().isEmpty()) {
            Arrays.fill(password, '\0');
            return;
        }
        linked().start(password);
    }

    /** Starts sync with a session already logged in (after creating an account or signing in). */
    void start(AccountSession session) {
        linked().start(session);
    }

    private SyncSession linked() {
        if (sync == null) {
            sync = new SyncSession(vault, Platform::runLater, timing, DeviceName.on(DeviceName.DESKTOP));
            sync.addListener(status::update);
            status.update(sync.status());
            account = new AccountViewModel(vault, this::session, executor, zone);
            accountPane.showLinked(account);
            rebuildActivity();
        }
        return sync;
    }

    private Optional<AccountSession> session() {
        return sync == null ? Optional.empty() : sync.session();
    }

    private void showLinkForm() {
        AccountSetupViewModel model = new AccountSetupViewModel(AccountSetupViewModel.Mode.ATTACH, vault.directory(),
                vault, executor, Platform::runLater, result -> start(result.session()));
        accountPane.showLinkForm(new AccountSetupView(model, null, false));
    }

    private void rebuildActivity() {
        SyncHistory history = sync == null ? null : sync.history();
        activity = new ActivityPane(new ActivityViewModel(this::session, history, executor, zone));
        activityHolder.getChildren().setAll(activity.root());
    }

    private void showActivity() {
        activity.refresh();
    }

    private void checkPending() {
        if (sync != null) {
            sync.checkPending();
        }
    }

    /** Sync now (F5). */
    void syncNow() {
        if (sync != null) {
            sync.syncNow();
        }
    }

    /** The status shown (tests read it). */
    SyncStatusViewModel status() {
        return status;
    }

    /**
     * Stops the clock and the background sync and waits for a pass still running to end (a merge and its
     * conflict copy are written together), so call it off the UI thread. Pending changes stay in the outbox.
     */
    @Override
    public void close() {
        if (sync != null) {
            sync.close();
            sync = null;
        }
    }

    /** Stops the status bar's clock (on the UI thread, before {@link #close}). */
    void stopClock() {
        if (statusBar != null) {
            statusBar.stop();
        }
    }
}
