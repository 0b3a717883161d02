package dev.termvault.app.desktop;

import dev.termvault.app.desktop.account.AccountSetupViewModel;
import dev.termvault.app.desktop.firstrun.FirstRunViewModel;
import dev.termvault.app.desktop.sync.SyncStatusViewModel;
import dev.termvault.app.desktop.hosts.HostEditorViewModel;
import dev.termvault.app.desktop.hosts.HostListViewModel;
import dev.termvault.app.desktop.unlock.UnlockViewModel;
import dev.termvault.app.desktop.account.AccountSetupView;
import dev.termvault.app.desktop.firstrun.FirstRunChoices;
import dev.termvault.app.desktop.firstrun.FirstRunView;
import dev.termvault.app.desktop.hosts.HostsPane;
import dev.termvault.app.desktop.imports.ImportWizardView;
import dev.termvault.app.desktop.common.RecordPanes;
import dev.termvault.app.desktop.terminal.TerminalTabs;
import dev.termvault.app.desktop.unlock.UnlockView;
import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.client.BackgroundSync;
import dev.termvault.vault.Vault;
import java.nio.file.Path;
import javafx.application.Platform;
import java.time.Duration;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;

/**
 * The window's content and the vault behind it: first run when the folder holds no vault, else unlock, then
 * the main window; locking (Ctrl+L) wipes the keys and goes back to unlock.
 */
public final class AppShell implements AutoCloseable {

    private final Path vaultDirectory;
    private final TaskExecutor executor;
    private final GuiSettings settings;
    private final StackPane root = new StackPane();
    private Vault vault;
    private MainView main;
    private FirstRunViewModel firstRun;
    private AccountSetupViewModel accountSetup;
    private SyncShell syncShell;
    private char[] syncPassword;
    private AccountSession newSession;
    private BackgroundSync.Timing syncTiming = BackgroundSync.Timing.DEFAULT;
    private final SecretClipboard clipboard;
    private final AutoLock autoLock;
    private ImportWizardView importWizard;
    private Path importHome = Path.of(System.getProperty("user.home"));

    public AppShell(Path vaultDirectory, TaskExecutor executor, GuiSettings settings) {
        this.vaultDirectory = vaultDirectory;
        this.executor = executor;
        this.settings = settings;
        this.clipboard = SecretClipboard.system(settings);
        this.autoLock = new AutoLock(new FxScheduler(), () -> Duration.ofMinutes(settings.autoLockMinutes()),
                this::lock);
    }

    /** Builds the scene, applies the theme and shows the first screen. */
    public Scene createScene() {
        settings.theme().apply();
        Scene scene = new Scene(root, 1000, 640);
        scene.getAccelerators().put(shortcut(KeyCode.L), this::lock);
        scene.getAccelerators().put(shortcut(KeyCode.N), () -> {
            if (main != null) {
                main.showHosts();
                main.hosts().newHost();
            }
        });
        scene.getAccelerators().put(shortcut(KeyCode.F), () -> {
            if (main != null) {
                main.showHosts();
                main.hosts().focusSearch();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> {
            if (syncShell != null) {
                syncShell.syncNow();
            }
        });
        scene.getAccelerators().put(shortcut(KeyCode.I), this::openImport);
        scene.addEventFilter(InputEvent.ANY, e -> autoLock.input());
        if (Vault.exists(vaultDirectory)) {
            showUnlock();
        } else {
            showFirstRun();
        }
        return scene;
    }

    private void showFirstRun() {
        accountSetup = null;
        firstRun = new FirstRunViewModel(vaultDirectory, executor, this::showMain);
        root.getChildren().setAll(FirstRunChoices.around(new FirstRunView(firstRun).root(),
                () -> showAccountSetup(AccountSetupViewModel.Mode.CREATE_ACCOUNT),
                () -> showAccountSetup(AccountSetupViewModel.Mode.SIGN_IN)));
    }

    private void showAccountSetup(AccountSetupViewModel.Mode mode) {
        firstRun = null;
        accountSetup = new AccountSetupViewModel(mode, vaultDirectory, null, executor, Platform::runLater, done -> {
            newSession = done.session();
            showMain(done.vault());
        });
        root.getChildren().setAll(new AccountSetupView(accountSetup, this::showFirstRun, true).root());
    }

    /** How often and how fast the background sync retries (tests shorten it). */
    void setSyncTiming(BackgroundSync.Timing timing) {
        this.syncTiming = timing;
    }

    /** The sync status shown in the main window, if it is showing (for tests). */
    java.util.Optional<SyncStatusViewModel> syncStatus() {
        return java.util.Optional.ofNullable(syncShell).map(SyncShell::status);
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private void showUnlock() {
        main = null;
        if (vault == null) {
            vault = Vault.open(vaultDirectory);
        }
        UnlockViewModel model = new UnlockViewModel(vault, executor, this::showMain);
        if (vault.account().syncLink().isPresent()) {
            model.setOnPassword(password -> syncPassword = password);
            model.setOnSession(session -> newSession = session);
        }
        UnlockView view = new UnlockView(model, vaultDirectory);
        root.getChildren().setAll(view.root());
        view.focus();
    }

    private void showMain(Vault unlocked) {
        vault = unlocked;
        firstRun = null;
        HostsPane hosts = new HostsPane(new HostListViewModel(unlocked, executor), new HostEditorViewModel(unlocked));
        TerminalTabs terminals = new TerminalTabs(unlocked);
        hosts.setOnConnect(terminals::open);
        main = new MainView(hosts, RecordPanes.create(unlocked, executor, clipboard), settings,
                this::lock, terminals, autoLock::restart);
        hosts.setOnImport(this::openImport);
        accountSetup = null;
        syncShell = new SyncShell(unlocked, executor, syncTiming);
        syncShell.attach(main);
        if (newSession != null) {
            syncShell.start(newSession);
            newSession = null;
        } else if (syncPassword != null) {
            syncShell.start(syncPassword);
            syncPassword = null;
        }
        root.getChildren().setAll(main.root());
        hosts.focusSearch();
        autoLock.start();
    }

    /** Opens the import wizard over the main window (Ctrl+I, or the import button above the host list). */
    public void openImport() {
        if (main == null || importWizard != null) {
            return;
        }
        HostsPane hosts = main.hosts();
        importWizard = ImportWizardView.create(vault, executor, importHome, hosts::refreshHosts, this::closeImport);
        root.getChildren().add(importWizard.root());
        importWizard.root().requestFocus();
    }

    private void closeImport() {
        if (importWizard != null) {
            importWizard.model().cancel();
            importWizard.dispose();
            root.getChildren().remove(importWizard.root());
            importWizard = null;
        }
    }

    /** Copies secrets and clears them again; other screens copy passwords and keys through it. */
    public SecretClipboard secretClipboard() {
        return clipboard;
    }

    /** The home folder the import wizard looks in for ~/.ssh (tests point it at a folder of their own). */
    void setImportHome(Path home) {
        this.importHome = home;
    }

    /** Locks the vault (every key wiped, decrypted records dropped) and shows the unlock screen. */
    public void lock() {
        if (vault == null || main == null) {
            return;
        }
        closeImport();
        clipboard.clearNow();
        autoLock.stop();
        main.terminals().closeAll();
        if (syncShell != null) {
            // Sync stops first (a pass in flight finishes or fails at its next request), away from the UI
            // thread; the window stays disabled meanwhile, then the vault locks.
            SyncShell stopping = syncShell;
            syncShell = null;
            stopping.stopClock();
            main = null;
            root.setDisable(true);
            Vault locking = vault;
            executor.submit(() -> {
                stopping.close();
                locking.lock();
                return locking;
            }, locked -> {
                root.setDisable(false);
                showUnlock();
            }, e -> {
                root.setDisable(false);
                locking.lock();
                showUnlock();
            });
            return;
        }
        vault.lock();
        showUnlock();
    }

    /** The screen shown: {@code first-run}, {@code unlock}, {@code main}, or {@code other}. */
    String screenName() {
        if (main != null) {
            return "main";
        }
        if (firstRun != null) {
            return "first-run";
        }
        return vault != null ? "unlock" : "other";
    }

    /** Whether the vault is open and unlocked (for tests and, later, the status bar). */
    boolean vaultUnlocked() {
        return vault != null && vault.isUnlocked();
    }

    /** The main window while the vault is unlocked (for tests). */
    MainView main() {
        return main;
    }

    /** Stops the background sync (the outbox stays for the next unlock). */
    private void stopSync() {
        if (syncShell != null) {
            syncShell.stopClock();
            syncShell.close();
            syncShell = null;
        }
    }

    @Override
    public void close() {
        closeImport();
        clipboard.clearNow();
        autoLock.stop();
        if (main != null) {
            main.terminals().closeAll();
        }
        stopSync();
        if (accountSetup != null) {
            accountSetup.pendingVault().ifPresent(Vault::close);
            accountSetup = null;
        }
        if (firstRun != null) {
            firstRun.createdVault().ifPresent(Vault::close);
            firstRun = null;
        }
        if (vault != null) {
            vault.close();
            vault = null;
        }
    }
}
