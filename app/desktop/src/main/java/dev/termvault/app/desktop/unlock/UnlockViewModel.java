package dev.termvault.app.desktop.unlock;

import dev.termvault.app.core.account.AccountLogin;
import dev.termvault.app.core.account.DeviceName;
import dev.termvault.app.desktop.TaskExecutor;
import dev.termvault.sync.client.AccountSession;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Unlock: the master password, a wrong-password message, and a busy flag while the key derivation runs. The
 * core's {@link AccountLogin} unlocks, so a linked vault takes over a password changed on another device.
 */
public final class UnlockViewModel {

    private final Vault vault;
    private final TaskExecutor executor;
    private final Consumer<Vault> onUnlocked;
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanBinding canUnlock;
    private Consumer<char[]> onPassword;
    private Consumer<AccountSession> onSession;

    public UnlockViewModel(Vault vault, TaskExecutor executor, Consumer<Vault> onUnlocked) {
        this.vault = vault;
        this.executor = executor;
        this.onUnlocked = onUnlocked;
        canUnlock = password.isNotEmpty().and(busy.not());
    }

    /**
     * Also hands a copy of the password to {@code receiver} (on the UI thread, just before the unlocked
     * callback) when the unlock succeeds: the sync login needs it once. The receiver wipes it.
     */
    public void setOnPassword(Consumer<char[]> receiver) {
        this.onPassword = receiver;
    }

    /**
     * Hands the session to {@code receiver} (on the UI thread, just before the unlocked callback) when the unlock
     * took over a password changed on another device and so is logged in already; the password is then not
     * handed to {@link #setOnPassword}'s receiver.
     */
    public void setOnSession(Consumer<AccountSession> receiver) {
        this.onSession = receiver;
    }

    /** Unlocks off the UI thread; the password field is cleared either way. */
    public void unlock() {
        if (!canUnlock.get()) {
            return;
        }
        char[] chars = password.get().toCharArray();
        Consumer<char[]> receiver = onPassword;
        char[] copy = receiver == null ? null : chars.clone();
        password.set("");
        busy.set(true);
        error.set("");
        Consumer<AccountSession> sessionReceiver = onSession;
        executor.submit(() -> new AccountLogin(DeviceName.on(DeviceName.DESKTOP)).unlock(vault, chars), unlocked -> {
            busy.set(false);
            if (unlocked.session() != null) {
                wipe(copy);
                if (sessionReceiver != null) {
                    sessionReceiver.accept(unlocked.session());
                } else {
                    unlocked.session().client().shutdown();
                }
            } else if (receiver != null) {
                receiver.accept(copy);
            }
            onUnlocked.accept(vault);
        }, e -> {
            wipe(copy);
            busy.set(false);
            error.set(e instanceof VaultException.WrongPassword
                    ? "That password is not right. Check Caps Lock and try again."
                    : "The vault could not be unlocked: " + e.getMessage() + ".");
        });
    }

    private static void wipe(char[] copy) {
        if (copy != null) {
            java.util.Arrays.fill(copy, '\0');
        }
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanBinding canUnlockProperty() {
        return canUnlock;
    }
}
