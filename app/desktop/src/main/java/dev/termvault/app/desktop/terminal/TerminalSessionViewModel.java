package dev.termvault.app.desktop.terminal;

import dev.termvault.app.ssh.Shell;
import dev.termvault.app.ssh.SshConnectionException;
import dev.termvault.app.ssh.SshConnector;
import dev.termvault.app.ssh.SshSession;
import dev.termvault.vault.model.Host;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One terminal tab's connection: connects to a host through the SSH engine on its own thread (the engine may
 * block there on a host-key or password prompt), opens a shell with a PTY, and follows it until it ends.
 * Connecting can be cancelled; a failure keeps a clear message; {@link #reconnect()} starts again.
 *
 * <p>Every property changes on the {@code ui} executor (the JavaFX thread in the app, the calling thread in
 * tests), never on the network thread.
 */
public final class TerminalSessionViewModel implements AutoCloseable {

    /** Where a tab's connection stands. */
    public enum Phase {
        CONNECTING, CONNECTED, FAILED, CANCELLED, CLOSED
    }

    /** The size a shell starts with; the terminal sends its real size as soon as it is laid out. */
    public static final int INITIAL_COLUMNS = 80;
    public static final int INITIAL_ROWS = 24;

    private final Host host;
    private final SshConnector engine;
    private final CancellablePrompt prompt;
    private final Executor ui;
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.CLOSED);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty();
    private final Object lock = new Object();
    private int attempt;
    private Thread worker;
    private SshSession session;
    private Shell shell;
    private boolean disposed;

    /**
     * @param engine the SSH engine; its prompt must be {@code prompt}
     * @param prompt asks the person during login; withdrawn when connecting is cancelled
     * @param ui     runs property changes (the JavaFX thread in the app)
     */
    public TerminalSessionViewModel(Host host, SshConnector engine, CancellablePrompt prompt, Executor ui) {
        this.host = Objects.requireNonNull(host, "host");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.ui = Objects.requireNonNull(ui, "ui");
        title.set(host.label());
    }

    public Host host() {
        return host;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    /** What to tell the person about the current phase (progress, the failure, the exit status). */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The tab's title: the host label, with the state when it is not simply connected. */
    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    /** The running shell while {@link Phase#CONNECTED}, for the terminal widget to attach to. */
    public Shell shell() {
        synchronized (lock) {
            return shell;
        }
    }

    /** Starts connecting (off the calling thread). Ignored while already connecting or connected. */
    public void connect() {
        int current;
        synchronized (lock) {
            if (disposed || worker != null || shell != null) {
                return;
            }
            current = ++attempt;
            prompt.resume();
            worker = Thread.ofPlatform().daemon().name("termvault-connect").unstarted(() -> run(current));
        }
        show(Phase.CONNECTING, "Connecting to " + target() + "…");
        synchronized (lock) {
            if (attempt == current && worker != null) {
                worker.start();
            }
        }
    }

    /** Closes what is left of the last connection and connects again. */
    public void reconnect() {
        cancelQuietly();
        dropConnection();
        connect();
    }

    /**
     * Stops a connection in progress: the attempt is abandoned (a prompt waiting for an answer is closed),
     * whatever it still produces is closed, and nothing is kept from it.
     */
    public void cancel() {
        Thread stopping;
        synchronized (lock) {
            if (worker == null) {
                return;
            }
            attempt++;
            stopping = worker;
            worker = null;
        }
        prompt.withdraw();
        stopping.interrupt();
        show(Phase.CANCELLED, "Connecting to " + target() + " was cancelled.");
    }

    /** Sends the terminal's new size to the remote PTY. */
    public void resize(int columns, int rows) {
        Shell current = shell();
        if (current != null && current.isOpen()) {
            try {
                current.resize(columns, rows);
            } catch (SshConnectionException e) {
                // the shell is going away; its end is reported by the watcher
            }
        }
    }

    /** Disconnects and stops every thread; the view model is not used again. */
    @Override
    public void close() {
        synchronized (lock) {
            disposed = true;
        }
        cancelQuietly();
        dropConnection();
    }

    private void cancelQuietly() {
        Thread stopping;
        synchronized (lock) {
            attempt++;
            stopping = worker;
            worker = null;
        }
        if (stopping != null) {
            prompt.withdraw();
            stopping.interrupt();
        }
    }

    private void dropConnection() {
        Shell oldShell;
        SshSession oldSession;
        synchronized (lock) {
            oldShell = shell;
            oldSession = session;
            shell = null;
            session = null;
            attempt++;
        }
        if (oldShell == null && oldSession == null) {
            return;
        }
        // Closing waits for the server's answer; never on the UI thread.
        Thread.ofPlatform().daemon().name("termvault-disconnect").start(() -> {
            if (oldShell != null) {
                oldShell.close();
            }
            if (oldSession != null) {
                oldSession.close();
            }
        });
    }

    private void run(int current) {
        SshSession opened = null;
        Shell started = null;
        try {
            opened = engine.connect(host);
            started = opened.openShell(INITIAL_COLUMNS, INITIAL_ROWS);
            synchronized (lock) {
                if (attempt == current && !disposed) {
                    session = opened;
                    shell = started;
                    worker = null;
                    opened = null;
                    started = null;
                }
            }
            if (opened == null) {
                show(current, Phase.CONNECTED, "Connected to " + target() + ".");
                watch(current);
            }
        } catch (SshConnectionException | RuntimeException e) {
            boolean mine;
            synchronized (lock) {
                mine = attempt == current;
                if (mine) {
                    worker = null;
                }
            }
            if (mine) {
                show(current, Phase.FAILED, messageFor(e));
            }
        } finally {
            if (started != null) {
                started.close();
            }
            if (opened != null) {
                opened.close();
            }
        }
    }

    /** Waits (on the connecting thread) until the shell ends and reports its exit status. */
    private void watch(int current) {
        Shell watched = shell();
        if (watched == null) {
            return;
        }
        while (!watched.awaitClosed(Duration.ofMinutes(10))) {
            synchronized (lock) {
                if (attempt != current) {
                    return;
                }
            }
        }
        OptionalInt status = watched.exitStatus();
        SshSession ended;
        synchronized (lock) {
            if (attempt != current) {
                return;
            }
            ended = session;
            shell = null;
            session = null;
        }
        if (ended != null) {
            ended.close();
        }
        String text = status.isPresent()
                ? "The session ended with exit status " + status.getAsInt() + "."
                : "The connection was closed.";
        String state = status.isPresent() ? "exit " + status.getAsInt() : "closed";
        ui.execute(() -> {
            synchronized (lock) {
                if (attempt != current) {
                    return;
                }
            }
            apply(Phase.CLOSED, text);
            title.set(host.label() + " · " + state);
        });
    }

    private static String messageFor(Exception e) {
        String text = e.getMessage();
        if (e instanceof SshConnectionException) {
            return text;
        }
        return "Could not connect: " + (text == null ? e.getClass().getSimpleName() : text);
    }

    private String target() {
        return host.label();
    }

    private void show(int current, Phase next, String text) {
        ui.execute(() -> {
            synchronized (lock) {
                if (attempt != current) {
                    return;
                }
            }
            apply(next, text);
        });
    }

    private void show(Phase next, String text) {
        ui.execute(() -> apply(next, text));
    }

    private void apply(Phase next, String text) {
        phase.set(next);
        message.set(text);
        title.set(switch (next) {
            case CONNECTED -> host.label();
            case CONNECTING -> host.label() + " · connecting";
            case FAILED -> host.label() + " · failed";
            case CANCELLED -> host.label() + " · cancelled";
            case CLOSED -> host.label() + " · closed";
        });
    }
}
