package dev.termvault.app.desktop.account;

import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.client.BackgroundSync;
import dev.termvault.sync.client.SyncClient;
import dev.termvault.sync.client.SyncException;
import dev.termvault.sync.client.SyncHistory;
import dev.termvault.sync.client.SyncStatus;
import dev.termvault.sync.client.Synchronizer;
import dev.termvault.vault.Vault;
import dev.termvault.vault.sync.SyncLink;
import java.time.Duration;
import java.time.Instant;
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
 * Keeps an unlocked, account-linked vault in sync while the app shows it: logs in (retrying while the server
 * cannot be reached, so the app opens offline), then runs {@link BackgroundSync} and hands every status to the
 * listeners through {@code deliver} (the UI thread in the app). Local edits are noticed by {@link #checkPending}
 * (called on each status-bar tick) and trigger a pass. {@link #close} stops everything; pending changes stay
 * in the vault's outbox. The password kept for the first login is wiped as soon as the login succeeds or this
 * stops.
 */
public final class AccountSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccountSync.class);

    private final Vault vault;
    private final Executor deliver;
    private final BackgroundSync.Timing timing;
    private final SyncHistory history;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile AccountSession session;
    private volatile BackgroundSync background;
    private volatile SyncStatus last;
    private Thread loginThread;
    private char[] password;

    public AccountSync(Vault vault, Executor deliver, BackgroundSync.Timing timing) {
        this.vault = vault;
        this.deliver = deliver;
        this.timing = timing;
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
        SyncLink link = vault.account().syncLink().orElseThrow(SyncException.NotLinked::new);
        running = true;
        password = masterPassword;
        loginThread = Thread.ofPlatform().daemon().name("termvault-sync-login").start(() -> loginLoop(link));
    }

    /** Syncs in the background with a session already logged in (after sign-up or sign-in). */
    public synchronized void start(AccountSession loggedIn) {
        if (running) {
            return;
        }
        running = true;
        startBackground(loggedIn);
    }

    private void loginLoop(SyncLink link) {
        int failures = 0;
        SyncClient client = SyncClient.builder(link).deviceName(DeviceName.get()).build();
        while (running) {
            publish(new SyncStatus(SyncStatus.State.SYNCING, pending(), null, last.lastError(), false));
            char[] attempt;
            synchronized (this) {
                if (password == null) {
                    return;
                }
                attempt = password.clone();
            }
            try {
                AccountSession loggedIn = client.logIn(vault, attempt);
                synchronized (this) {
                    wipePassword();
                    if (!running) {
                        client.shutdown();
                        return;
                    }
                    startBackground(loggedIn);
                }
                return;
            } catch (SyncException.Offline e) {
                failures++;
                history.record(SyncHistory.Kind.ERROR, 1, e.getMessage(), Instant.now());
                publish(new SyncStatus(SyncStatus.State.OFFLINE, pending(), null, e.getMessage(), false));
            } catch (SyncException e) {
                history.record(SyncHistory.Kind.ERROR, 1, e.getMessage(), Instant.now());
                publish(new SyncStatus(SyncStatus.State.FAILED, pending(), null, e.getMessage(), false));
                failures = 8;
            } catch (RuntimeException e) {
                LOG.warn("Sync login failed", e);
                publish(new SyncStatus(SyncStatus.State.FAILED, pending(), null,
                        "Sync login failed: " + e.getClass().getSimpleName(), false));
                failures = 8;
            } finally {
                Arrays.fill(attempt, '\0');
            }
            long step = Math.min(timing.maxBackoff().toMillis(), timing.minBackoff().toMillis() << Math.min(failures, 20));
            try {
                if (wake.tryAcquire(step, TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        client.shutdown();
    }

    private void startBackground(AccountSession loggedIn) {
        session = loggedIn;
        Synchronizer synchronizer = new Synchronizer(vault, loggedIn);
        synchronizer.recordHistory(history);
        BackgroundSync sync = new BackgroundSync(synchronizer, timing);
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

    /** Asks for a pass now (Sync now): also retries a login that is waiting. */
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
        Thread login;
        synchronized (this) {
            running = false;
            wipePassword();
            login = loginThread;
        }
        wake.release();
        if (login != null) {
            try {
                login.join(Duration.ofSeconds(30));
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
