package dev.termvault.app.desktop.account;

import dev.termvault.app.desktop.common.PasswordStrength;
import dev.termvault.app.core.EmergencyKit;
import dev.termvault.app.desktop.TaskExecutor;
import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.client.SyncClient;
import dev.termvault.sync.client.SyncException;
import dev.termvault.sync.client.SyncHistory;
import dev.termvault.sync.client.Synchronizer;
import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
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
 * Linking to a sync server, in three flavours: create an account (a new vault, as on first run, attached to a
 * new account), sign in on a new device (email, password and Secret Key bring the account's vault here), or
 * attach the open local vault to a new account. Each starts the same way: the server address, then the
 * fingerprint of the certificate the server presents, which the person compares with the one the server
 * printed; only once confirmed is it pinned. Failures leave nothing half-made: a vault created or joined here
 * is removed again if the account step fails or the first sync is cancelled.
 */
public final class AccountSetupViewModel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AccountSetupViewModel.class);

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
    private final java.util.function.Consumer<Result> onDone;
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
                                 java.util.function.Consumer<Result> onDone) {
        this.mode = mode;
        this.vaultDirectory = vaultDirectory;
        this.existing = existing;
        this.executor = executor;
        this.ui = ui;
        this.onDone = onDone;
        strength = Bindings.createIntegerBinding(() -> PasswordStrength.score(password.get()), password);
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
        String mail = email.get() == null ? "" : email.get().strip();
        if (!mail.matches("[^@\\s]+@[^@\\s]+")) {
            return "Enter the account's email address.";
        }
        String pw = password.get() == null ? "" : password.get();
        if (pw.isEmpty()) {
            return "Enter the master password.";
        }
        if (mode == Mode.CREATE_ACCOUNT) {
            if (pw.length() < 8) {
                return "Use at least 8 characters.";
            }
            if (strength.get() < PasswordStrength.ACCEPTABLE) {
                return "Too easy to guess: make it longer or mix letters, digits and symbols.";
            }
            if (!pw.equals(confirmation.get())) {
                return "The two passwords are not the same.";
            }
        }
        if (mode == Mode.SIGN_IN && (secretKey.get() == null || secretKey.get().isBlank())) {
            return "Enter the Secret Key from your Emergency Kit.";
        }
        return "";
    }

    /** The server address as typed, checked: an https URL with a host. */
    static URI parseServer(String text) {
        String trimmed = text == null ? "" : text.strip();
        try {
            URI uri = new URI(trimmed);
            if (!"https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("The server address must look like https://sync.example.org:8443.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The server address must look like https://sync.example.org:8443.");
        }
    }

    /** Step 1: reaches the server and shows the fingerprint of its certificate (nothing is pinned yet). */
    public void checkServer() {
        URI uri;
        try {
            uri = parseServer(serverUrl.get());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        busy.set(true);
        error.set("");
        fingerprint.set("");
        Duration wait = timeout;
        executor.submit(() -> SyncClient.fetchFingerprint(uri, wait), fp -> {
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
        URI uri = parseServer(serverUrl.get());
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
        SyncClient client = SyncClient.builder(uri, fp).deviceName(DeviceName.get()).timeout(timeout).build();
        Set<Path> before = listing(vaultDirectory);
        executor.submit(() -> run(client, mail, pw, sk), this::done, e -> failed(client, before, e));
    }

    private Work run(SyncClient client, String mail, char[] pw, String sk) {
        return switch (mode) {
            case CREATE_ACCOUNT -> {
                CreatedVault created = Vault.createLocal(vaultDirectory, pw.clone());
                made = created.vault();
                AccountSession session = client.signUp(created.vault(), mail, pw);
                firstSync(created.vault(), session);
                yield new Work(created.vault(), session, created.secretKey());
            }
            case SIGN_IN -> {
                SyncClient.Joined joined = client.join(vaultDirectory, mail, pw, sk);
                made = joined.vault();
                firstSync(joined.vault(), joined.session());
                yield new Work(joined.vault(), joined.session(), null);
            }
            case ATTACH -> {
                AccountSession session = client.signUp(existing, mail, pw);
                firstSync(existing, session);
                yield new Work(existing, session, null);
            }
        };
    }

    private volatile Vault made;

    private record Work(Vault vault, AccountSession session, String secretKey) {
    }

    /**
     * The first pass. Once the account exists and the vault is linked, a failed pass (the network dropped)
     * does not undo anything: the background sync resumes from the stored cursor and outbox and the status bar
     * shows the error. Only a cancel stops the flow.
     */
    private void firstSync(Vault vault, AccountSession session) {
        try {
            firstPass(vault, session);
        } catch (SyncException e) {
            if (cancelled) {
                throw new CancellationException("cancelled");
            }
            LOG.info("The first sync did not finish ({}); it resumes in the background", e.getMessage());
        }
    }

    private void firstPass(Vault vault, AccountSession session) {
        checkCancelled();
        Synchronizer synchronizer = new Synchronizer(vault, session);
        synchronizer.recordHistory(SyncHistory.in(vault.directory()));
        synchronizer.onProgress((cursor, target) -> {
            checkCancelled();
            double fraction = target <= 0 ? 1 : Math.min(1, (double) cursor / target);
            ui.execute(() -> {
                progress.set(fraction);
                progressText.set(String.format(Locale.ROOT, "Bringing the vault to this device: %d%%",
                        Math.round(fraction * 100)));
            });
        });
        synchronizer.syncOnce();
        checkCancelled();
    }

    private void checkCancelled() {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
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

    private void done(Work work) {
        busy.set(false);
        made = null;
        result = new Result(work.vault(), work.session());
        if (work.secretKey() != null) {
            emergencyKit.set(new EmergencyKit(vaultDirectory, work.secretKey()));
            step.set(Step.EMERGENCY_KIT);
        } else {
            onDone.accept(result);
        }
    }

    private void failed(SyncClient client, Set<Path> before, RuntimeException e) {
        client.shutdown();
        Vault half = made;
        made = null;
        if (half != null && mode != Mode.ATTACH) {
            half.close();
            removeNew(vaultDirectory, before);
        }
        busy.set(false);
        progress.set(-1);
        progressText.set("");
        step.set(Step.DETAILS);
        if (e instanceof CancellationException) {
            error.set("Cancelled. Nothing was kept on this device; you can start again.");
        } else if (e instanceof SyncException.ServerMisbehaved) {
            error.set(e.getMessage() + ". Nothing was kept on this device.");
        } else if (e instanceof SyncException.Rejected r && r.status() == 409) {
            error.set("An account with this email already exists on this server. Sign in on a new device"
                    + " instead.");
        } else if (e instanceof SyncException || e instanceof IllegalStateException) {
            error.set(e.getMessage() + (mode == Mode.ATTACH ? ". The vault was not changed."
                    : ". Nothing was kept on this device."));
        } else {
            error.set("That did not work: " + e.getMessage() + ".");
        }
    }

    private static Set<Path> listing(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return new HashSet<>(files.toList());
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** Deletes what appeared in {@code dir} since {@code before} (the vault files made by this flow). */
    private static void removeNew(Path dir, Set<Path> before) {
        for (Path p : listing(dir)) {
            if (!before.contains(p)) {
                try (Stream<Path> tree = Files.walk(p)) {
                    for (Path q : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(q);
                    }
                } catch (IOException e) {
                    // left for the person to see: the next attempt reports the folder is not empty
                }
            }
        }
    }

    /** Saves the Emergency Kit to a new file; the outcome is shown by {@link #savedMessageProperty()}. */
    public void saveEmergencyKit(Path file) {
        EmergencyKit kit = emergencyKit.get();
        if (kit == null) {
            return;
        }
        try {
            kit.saveTo(file);
            savedMessage.set("Saved to " + file.toAbsolutePath() + ".");
        } catch (IOException e) {
            savedMessage.set("Could not save to " + file + " (" + e.getMessage() + "). Nothing was written.");
        }
    }

    /** After the Emergency Kit: on to the main window. */
    public void finish() {
        if (result != null) {
            onDone.accept(result);
        }
    }

    /** The vault made here and not yet handed over (its owner closes it if the app quits meanwhile). */
    public java.util.Optional<Vault> pendingVault() {
        return step.get() == Step.EMERGENCY_KIT && result != null ? java.util.Optional.of(result.vault())
                : java.util.Optional.empty();
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
