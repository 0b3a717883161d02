package dev.termvault.app.core.account;

import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.client.BackgroundSync;
import dev.termvault.sync.client.SyncException;
import dev.termvault.sync.client.SyncHistory;
import dev.termvault.sync.client.SyncStatus;
import dev.termvault.vault.Vault;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an unlocked, linked vault in sync for as long as a front end shows it (the desktop's main window,
 * {@code termvault sync --watch}): logs in (retrying while the server cannot be reached, so the app opens
 * offline), then runs {@link BackgroundSync}. Every retry, of the login or of a pass, waits
 * {@link BackgroundSync.Timing#backoff(int)}: one backoff policy. Every pass is written to this device's
 * {@link SyncHistory}. Listeners hear every status through {@code deliver} (the UI thread in the app). The
 * password kept for the login is wiped as soon as it succeeds or this stops; pending changes stay in the
 * vault's outbox.
 */
public final class SyncSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncSession.class);

    /** Failures counted for a refused login (not a network problem): the retry waits about the longest step. */
    static final int REFUSED = 32;

    private final Vault vault;
    private final Executor deliver;
    private final BackgroundSync.Timing timing;
    private final AccountLogin login;
    private final SyncHistory history;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile AccountSession session;
    private volatile BackgroundSync background;
    private volatile SyncStatus last;
    private Thread loginThread;
    private char[] password;

    /** @param deviceName the name this device has on the account (see {@link DeviceName}) */
    public SyncSession(Vault vault, Executor deliver, BackgroundSync.Timing timing, String deviceName) {
        this.vault = vault;
        this.deliver = deliver;
        this.timing = timing;
        this.login = new AccountLogin(deviceName);
        this.history = SyncHistory.in(vault.directory());
        this.last = new SyncStatus(SyncStatus.State.STOPPED, vault.sync().pendingCount(), null, null, false);
    }

    /** Listeners hear every status, on the {@code deliver} executor. */
    public void addListener(Consumer<SyncStatus> listener) {
        listeners.add(listener);
    }

    /** Logs in with the vault's password (kept only until the login succeeds), then syncs in the background. */
    public synchronized void start(char[] masterPassword) {
        if (running) {
            Arrays.fill(masterPassword, '\0');
            return;
        }
        if (vault.account().syncLink().isEmpty()) {
            Arrays.fill(masterPassword, '\0');
            throw new SyncException.NotLinked();
        }
        running = true;
        password = masterPassword;
        loginThread = Thread.ofPlatform().daemon().name("termvault-sync-login").start(this::loginLoop);
    }

    /** Syncs in the background with a session already logged in (after sign-up, sign-in or a take-over). */
    public synchronized void start(AccountSession loggedIn) {
        if (running) {
            return;
        }
        running = true;
        startBackground(loggedIn);
    }

    private void loginLoop() {
        int failures = 0;
        while (running) {
            publish(new SyncStatus(SyncStatus.State.SYNCING, pending(), null, last.lastError(), false));
            char[] attempt = attempt();
            if (attempt == null) {
                return;
            }
            try {
                AccountSession loggedIn = login.logIn(vault, attempt);
                if (!handOver(loggedIn)) {
                    loggedIn.client().shutdown();
                }
                return;
            } catch (SyncException.Offline e) {
                failures++;
                failed(SyncStatus.State.OFFLINE, e.getMessage());
            } catch (SyncException e) {
                failures = REFUSED;
                failed(SyncStatus.State.FAILED, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Sync login failed", e);
                failures = REFUSED;
                failed(SyncStatus.State.FAILED, "Sync login failed: " + e.getClass().getSimpleName());
            }
            if (!await(timing.backoff(failures))) {
                return;
            }
        }
    }

    private synchronized char[] attempt() {
        return password == null ? null : password.clone();
    }

    /** Starts the background sync with a new session, unless this stopped meanwhile. */
    private synchronized boolean handOver(AccountSession loggedIn) {
        wipePassword();
        if (!running) {
            return false;
        }
        startBackground(loggedIn);
        return true;
    }

    private void failed(SyncStatus.State state, String message) {
        history.record(SyncHistory.Kind.ERROR, 1, message, java.time.Instant.now());
        publish(new SyncStatus(state, pending(), null, message, false));
    }

    private boolean await(Duration wait) {
        try {
            if (wake.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void startBackground(AccountSession loggedIn) {
        session = loggedIn;
        BackgroundSync sync = new BackgroundSync(SyncPass.recording(vault, loggedIn, history), timing);
        sync.addListener(this::publish);
        background = sync;
        sync.start();
    }

    private int pending() {
        try {
            return vault.sync().pendingCount();
        } catch (RuntimeException e) {
            return last.pending();
        }
    }

    private void publish(SyncStatus status) {
        last = status;
        for (Consumer<SyncStatus> listener : listeners) {
            deliver.execute(() -> listener.accept(status));
        }
    }

    /** Asks for a pass now (Sync now); also retries a login that is waiting. */
    public void syncNow() {
        BackgroundSync sync = background;
        if (sync != null) {
            sync.requestSync();
        } else {
            wake.release();
        }
    }

    /**
     * Reads the outbox size; when it changed since the last status, publishes it, and when it grew (a local
     * edit), asks for a pass. Cheap enough to call every second.
     */
    public void checkPending() {
        if (!running || !vault.isUnlocked()) {
            return;
        }
        int now = pending();
        SyncStatus shown = last;
        if (now != shown.pending()) {
            publish(new SyncStatus(shown.state(), now, shown.lastSync(), shown.lastError(), shown.streaming()));
            if (now > shown.pending()) {
                syncNow();
            }
        }
    }

    /** The logged-in session, once the login succeeded. */
    public Optional<AccountSession> session() {
        return Optional.ofNullable(session);
    }

    /** This device's sync history. */
    public SyncHistory history() {
        return history;
    }

    /** The last status published. */
    public SyncStatus status() {
        return last;
    }

    private void wipePassword() {
        if (password != null) {
            Arrays.fill(password, '\0');
            password = null;
        }
    }

    /** Stops the login and the background sync and waits for them; the outbox stays as it is. */
    @Override
    public void close() {
        Thread loginRunning;
        synchronized (this) {
            running = false;
            wipePassword();
            loginRunning = loginThread;
        }
        wake.release();
        if (loginRunning != null) {
            try {
                loginRunning.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        BackgroundSync sync = background;
        if (sync != null) {
            sync.close();
        }
        AccountSession s = session;
        if (s != null) {
            s.client().shutdown();
        }
    }
}
