package dev.termvault.app.desktop.account;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.core.EmergencyKit;
import dev.termvault.app.core.account.AccountSetup;
import dev.termvault.app.core.account.DeviceName;
import dev.termvault.app.core.account.PasswordPolicy;
import dev.termvault.app.desktop.TaskExecutor;
import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.client.SyncException;
import dev.termvault.vault.Vault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The form of linking to a sync server, in three flavours: create an account (a new vault, as on first run),
 * sign in on a new device (email, password and Secret Key bring the account's vault here), or attach the open
 * local vault to a new account. Each starts the same way: the server address, then the fingerprint of the
 * certificate the server presents, which the person compares with the one the server printed; only once
 * confirmed is it pinned. The flows themselves, and removing what a failed or cancelled one made, are the
 * core's {@link AccountSetup}.
 */
public final class AccountSetupViewModel {

    /** Which flow. */
    public enum Mode { CREATE_ACCOUNT, SIGN_IN, ATTACH }

    /** Where the flow is. */
    public enum Step { SERVER, DETAILS, WORKING, EMERGENCY_KIT }

    /** What the flow hands over when it is done. */
    public record Result(Vault vault, AccountSession session) {
    }

    private final Mode mode;
    private final Path vaultDirectory;
    private final Vault existing;
    private final TaskExecutor executor;
    private final Executor ui;
    private final Consumer<Result> onDone;
    private Duration timeout = Duration.ofSeconds(10);

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.SERVER);
    private final StringProperty serverUrl = new SimpleStringProperty("https://");
    private final StringProperty fingerprint = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final StringProperty secretKey = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty savedMessage = new SimpleStringProperty("");
    private final ObjectProperty<EmergencyKit> emergencyKit = new SimpleObjectProperty<>();
    private final IntegerBinding strength;
    private final StringBinding problem;
    private final BooleanBinding canSubmit;
    private volatile boolean cancelled;
    private Result result;

    /**
     * @param vaultDirectory where a new vault is made (create, sign in)
     * @param existing       the unlocked local vault to attach (attach only; else null)
     * @param ui             runs progress updates on the UI thread
     * @param onDone         called on the UI thread with the linked vault and its session
     */
    public AccountSetupViewModel(Mode mode, Path vaultDirectory, Vault existing, TaskExecutor executor, Executor ui,
                                 Consumer<Result> onDone) {
        this.mode = mode;
        this.vaultDirectory = vaultDirectory;
        this.existing = existing;
        this.executor = executor;
        this.ui = ui;
        this.onDone = onDone;
        strength = Bindings.createIntegerBinding(() -> PasswordPolicy.score(password.get()), password);
        problem = Bindings.createStringBinding(this::findProblem, email, password, confirmation, secretKey, strength);
        canSubmit = problem.isEmpty().and(busy.not());
    }

    /** How long to wait for the server on each call (tests shorten it). */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Mode mode() {
        return mode;
    }

    private String findProblem() {
        Optional<String> badEmail = AccountSetup.emailProblem(email.get());
        if (badEmail.isPresent()) {
            return badEmail.get();
        }
        String pw = password.get() == null ? "" : password.get();
        if (pw.isEmpty()) {
            return "Enter the master password.";
        }
        if (mode == Mode.CREATE_ACCOUNT) {
            return PasswordPolicy.problem(pw).orElse(pw.equals(confirmation.get()) ? ""
                    : "The two passwords are not the same.");
        }
        if (mode == Mode.SIGN_IN && (secretKey.get() == null || secretKey.get().isBlank())) {
            return "Enter the Secret Key from your Emergency Kit.";
        }
        return "";
    }

    private AccountSetup setup() {
        return new AccountSetup(DeviceName.on(DeviceName.DESKTOP), timeout);
    }

    /** Step 1: reaches the server and shows the fingerprint of its certificate (nothing is pinned yet). */
    public void checkServer() {
        URI uri;
        try {
            uri = AccountSetup.parseServer(serverUrl.get());
        } catch (CoreException.Invalid e) {
            error.set(e.getMessage());
            return;
        }
        busy.set(true);
        error.set("");
        fingerprint.set("");
        AccountSetup setup = setup();
        executor.submit(() -> setup.fingerprint(uri), fp -> {
            busy.set(false);
            fingerprint.set(fp);
        }, e -> {
            busy.set(false);
            error.set(e.getMessage() + ".");
        });
    }

    /** Step 2: the person says the fingerprint is the one the server printed; it will be pinned. */
    public void confirmFingerprint() {
        if (!fingerprint.get().isEmpty()) {
            error.set("");
            step.set(Step.DETAILS);
        }
    }

    /** The fingerprint is not the expected one: nothing is kept, the address can be corrected. */
    public void rejectFingerprint() {
        fingerprint.set("");
        error.set("Not connected: the fingerprint did not match, so this server was not trusted.");
    }

    /** Step 3: creates or joins, links and runs the first sync, off the UI thread. */
    public void submit() {
        if (!canSubmit.get() || step.get() != Step.DETAILS) {
            return;
        }
        URI uri = AccountSetup.parseServer(serverUrl.get());
        String fp = fingerprint.get();
        String mail = email.get().strip();
        char[] pw = password.get().toCharArray();
        String sk = secretKey.get() == null ? "" : secretKey.get().strip();
        password.set("");
        confirmation.set("");
        cancelled = false;
        busy.set(true);
        error.set("");
        progress.set(-1);
        progressText.set(mode == Mode.SIGN_IN ? "Signing in…" : "Creating the account…");
        step.set(Step.WORKING);
        AccountSetup setup = setup();
        AccountSetup.FirstSyncWatch watch = new AccountSetup.FirstSyncWatch(this::showProgress, () -> cancelled);
        executor.submit(() -> switch (mode) {
            case CREATE_ACCOUNT -> setup.createAccount(vaultDirectory, uri, fp, mail, pw, watch);
            case SIGN_IN -> setup.signIn(vaultDirectory, uri, fp, mail, pw, sk, watch);
            case ATTACH -> setup.attach(existing, uri, fp, mail, pw, watch);
        }, this::done, this::failed);
    }

    private void showProgress(double fraction) {
        ui.execute(() -> {
            progress.set(fraction);
            progressText.set(String.format(Locale.ROOT, "Bringing the vault to this device: %d%%",
                    Math.round(fraction * 100)));
        });
    }

    /** Stops the sign-in or account creation at the next safe point; what was made here is removed. */
    public void cancel() {
        if (step.get() == Step.WORKING) {
            cancelled = true;
            progressText.set("Cancelling…");
        } else {
            error.set("");
            fingerprint.set("");
            step.set(Step.SERVER);
        }
    }

    private void done(AccountSetup.Linked linked) {
        busy.set(false);
        result = new Result(linked.vault(), linked.session());
        if (linked.secretKey() != null) {
            emergencyKit.set(new EmergencyKit(vaultDirectory, linked.secretKey()));
            step.set(Step.EMERGENCY_KIT);
        } else {
            onDone.accept(result);
        }
    }

    private void failed(RuntimeException e) {
        busy.set(false);
        progress.set(-1);
        progressText.set("");
        step.set(Step.DETAILS);
        String kept = mode == Mode.ATTACH ? " The vault was not changed." : " Nothing was kept on this device.";
        if (e instanceof CancellationException) {
            error.set("Cancelled. Nothing was kept on this device; you can start again.");
        } else if (e instanceof CoreException) {
            error.set(e.getMessage());
        } else if (e instanceof SyncException) {
            error.set(e.getMessage() + "." + kept);
        } else {
            error.set("That did not work: " + e.getMessage() + ".");
        }
    }

    /** Saves the Emergency Kit to a new file; the outcome is shown by {@link #savedMessageProperty()}. */
    public void saveEmergencyKit(Path file) {
        if (emergencyKit.get() != null) {
            savedMessage.set(emergencyKit.get().saveReporting(file));
        }
    }

    /** After the Emergency Kit: on to the main window. */
    public void finish() {
        if (result != null) {
            onDone.accept(result);
        }
    }

    /** The vault made here and not yet handed over (its owner closes it if the app quits meanwhile). */
    public Optional<Vault> pendingVault() {
        return Optional.ofNullable(step.get() == Step.EMERGENCY_KIT && result != null ? result.vault() : null);
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty fingerprintProperty() {
        return fingerprint;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public StringProperty secretKeyProperty() {
        return secretKey;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty savedMessageProperty() {
        return savedMessage;
    }

    public ObjectProperty<EmergencyKit> emergencyKitProperty() {
        return emergencyKit;
    }

    public IntegerBinding strengthProperty() {
        return strength;
    }

    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }
}
