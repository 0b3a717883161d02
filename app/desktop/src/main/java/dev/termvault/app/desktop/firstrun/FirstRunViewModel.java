package dev.termvault.app.desktop.firstrun;

import dev.termvault.app.core.EmergencyKit;
import dev.termvault.app.core.account.AccountSetup;
import dev.termvault.app.core.account.PasswordPolicy;
import dev.termvault.app.desktop.TaskExecutor;
import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** First run: choose a master password (twice), create the local vault, then keep the Emergency Kit. */
public final class FirstRunViewModel {

    private final Path vaultDirectory;
    private final TaskExecutor executor;
    private final Consumer<Vault> onCreated;

    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty savedMessage = new SimpleStringProperty("");
    private final ObjectProperty<EmergencyKit> emergencyKit = new SimpleObjectProperty<>();
    private final IntegerBinding strength;
    private final StringBinding problem;
    private final BooleanBinding canCreate;
    private Vault created;

    /**
     * @param onCreated called with the new, unlocked vault when the person continues past the Emergency Kit
     */
    public FirstRunViewModel(Path vaultDirectory, TaskExecutor executor, Consumer<Vault> onCreated) {
        this.vaultDirectory = vaultDirectory;
        this.executor = executor;
        this.onCreated = onCreated;
        strength = Bindings.createIntegerBinding(() -> PasswordPolicy.score(password.get()), password);
        problem = Bindings.createStringBinding(this::findProblem, password, confirmation, strength);
        canCreate = problem.isEmpty().and(busy.not()).and(emergencyKit.isNull());
    }

    private String findProblem() {
        String pw = password.get();
        return PasswordPolicy.problem(pw).orElse(pw.equals(confirmation.get()) ? ""
                : "The two passwords are not the same.");
    }

    /** Creates the vault off the UI thread; on success the Emergency Kit appears and the password fields clear. */
    public void create() {
        if (!canCreate.get()) {
            return;
        }
        char[] chars = password.get().toCharArray();
        busy.set(true);
        error.set("");
        executor.submit(() -> AccountSetup.createLocal(vaultDirectory, chars), this::created, e -> {
            busy.set(false);
            error.set("The vault could not be created: " + e.getMessage() + ".");
        });
    }

    private void created(CreatedVault result) {
        created = result.vault();
        password.set("");
        confirmation.set("");
        busy.set(false);
        emergencyKit.set(new EmergencyKit(vaultDirectory, result.secretKey()));
    }

    /** Saves the Emergency Kit to a new file; the outcome is shown by {@link #savedMessageProperty()}. */
    public void saveEmergencyKit(Path file) {
        if (emergencyKit.get() != null) {
            savedMessage.set(emergencyKit.get().saveReporting(file));
        }
    }

    /**
     * The vault made by {@link #create}, once made; its owner closes it if the app quits before {@link #finish}.
     */
    public Optional<Vault> createdVault() {
        return Optional.ofNullable(created);
    }

    /** Moves on to the main window with the new vault. */
    public void finish() {
        if (created != null) {
            onCreated.accept(created);
        }
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public IntegerBinding strengthProperty() {
        return strength;
    }

    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty savedMessageProperty() {
        return savedMessage;
    }

    public ObjectProperty<EmergencyKit> emergencyKitProperty() {
        return emergencyKit;
    }
}
