package dev.termvault.app.gui;

import dev.termvault.app.gui.model.FirstRunViewModel;
import dev.termvault.app.gui.model.HostEditorViewModel;
import dev.termvault.app.gui.model.HostListViewModel;
import dev.termvault.app.gui.model.UnlockViewModel;
import dev.termvault.app.gui.view.FirstRunView;
import dev.termvault.app.gui.view.HostsPane;
import dev.termvault.app.gui.view.MainView;
import dev.termvault.app.gui.view.UnlockView;
import dev.termvault.vault.Vault;
import java.nio.file.Path;
import javafx.scene.Scene;
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

    public AppShell(Path vaultDirectory, TaskExecutor executor, GuiSettings settings) {
        this.vaultDirectory = vaultDirectory;
        this.executor = executor;
        this.settings = settings;
    }

    /** Builds the scene, applies the theme and shows the first screen. */
    public Scene createScene() {
        settings.theme().apply();
        Scene scene = new Scene(root, 1000, 640);
        scene.getAccelerators().put(shortcut(KeyCode.L), this::lock);
        scene.getAccelerators().put(shortcut(KeyCode.N), () -> {
            if (main != null) {
                main.hosts().newHost();
            }
        });
        scene.getAccelerators().put(shortcut(KeyCode.F), () -> {
            if (main != null) {
                main.hosts().focusSearch();
            }
        });
        if (Vault.exists(vaultDirectory)) {
            showUnlock();
        } else {
            firstRun = new FirstRunViewModel(vaultDirectory, executor, this::showMain);
            root.getChildren().setAll(new FirstRunView(firstRun).root());
        }
        return scene;
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private void showUnlock() {
        main = null;
        if (vault == null) {
            vault = Vault.open(vaultDirectory);
        }
        UnlockView view = new UnlockView(new UnlockViewModel(vault, executor, this::showMain), vaultDirectory);
        root.getChildren().setAll(view.root());
        view.focus();
    }

    private void showMain(Vault unlocked) {
        vault = unlocked;
        firstRun = null;
        HostsPane hosts = new HostsPane(new HostListViewModel(unlocked), new HostEditorViewModel(unlocked));
        main = new MainView(hosts, settings, this::lock);
        root.getChildren().setAll(main.root());
        hosts.focusSearch();
    }

    /** Locks the vault (every key wiped, decrypted records dropped) and shows the unlock screen. */
    public void lock() {
        if (vault == null || main == null) {
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

    @Override
    public void close() {
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
