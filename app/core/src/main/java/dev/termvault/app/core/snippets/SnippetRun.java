package dev.termvault.app.core.snippets;

import dev.termvault.app.core.HostRef;
import dev.termvault.app.core.connect.Connections;
import dev.termvault.app.ssh.ExecResult;
import dev.termvault.app.ssh.SshConnectionException;
import dev.termvault.app.ssh.SshConnector;
import dev.termvault.app.ssh.SshPrompt;
import dev.termvault.app.ssh.SshSession;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.model.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One snippet about to run on some hosts (made by {@link Snippets#runner}). {@link #run} connects to each host
 * exactly as {@code connect} does (the vault's records and known hosts, the caller's prompt for host keys and
 * passwords, the host's own key only), runs the command without a terminal and collects its exit status and
 * output. Hosts run one after another, or a few at a time ({@link RunSettings#parallelism()}); questions to the
 * person are still asked one at a time. {@link #cancel} stops before the next host: hosts not yet started are
 * reported as cancelled, a command already running finishes.
 */
public final class SnippetRun {

    /** A host to run on, with its record id. */
    record Target(String id, Host host) {
    }

    private final String snippetId;
    private final String snippetName;
    private final String command;
    private final List<Target> targets;
    private final Connections connections;
    private final RunSettings settings;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    SnippetRun(String snippetId, String snippetName, String command, List<Target> targets, Connections connections,
               RunSettings settings) {
        this.snippetId = snippetId;
        this.snippetName = snippetName;
        this.command = command;
        this.targets = List.copyOf(targets);
        this.connections = connections;
        this.settings = settings;
    }

    /** The hosts it runs on, in order. */
    public List<HostRef> hosts() {
        return targets.stream().map(t -> new HostRef(t.id(), t.host().label())).toList();
    }

    /** Stops before the next host; may be called from any thread. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Runs the snippet on every host and waits for all of them.
     *
     * @param prompt answers host-key and password questions, as for {@code connect}
     * @param onHost told each host's result as it finishes (from a worker thread), before {@code run} returns
     */
    public SnippetRunResult run(SshPrompt prompt, Consumer<HostRun> onHost) {
        SshConnector engine = connections.engine(new OneQuestionAtATime(prompt), settings.connection());
        List<Future<HostRun>> running = new ArrayList<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(settings.parallelism(),
                Thread.ofVirtual().name("snippet-run-", 1).factory())) {
            for (Target target : targets) {
                running.add(workers.submit(() -> {
                    HostRun result = runOn(engine, target);
                    onHost.accept(result);
                    return result;
                }));
            }
            return new SnippetRunResult(snippetId, snippetName, collect(running));
        }
    }

    private List<HostRun> collect(List<Future<HostRun>> running) {
        List<HostRun> results = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            Target target = targets.get(i);
            try {
                results.add(running.get(i).get());
            } catch (InterruptedException e) {
                cancel();
                Thread.currentThread().interrupt();
                results.add(HostRun.cancelled(target.id(), target.host().label()));
            } catch (ExecutionException e) {
                results.add(HostRun.failed(target.id(), target.host().label(), "The run failed: "
                        + e.getCause().getClass().getSimpleName() + "."));
            }
        }
        return results;
    }

    private HostRun runOn(SshConnector engine, Target target) {
        String label = target.host().label();
        if (cancelled.get()) {
            return HostRun.cancelled(target.id(), label);
        }
        try (SshSession session = engine.connect(target.host())) {
            ExecResult result = session.exec(command, settings.commandTimeout());
            return HostRun.exited(target.id(), label, result.exitStatus(), result.output(), result.errors());
        } catch (SshConnectionException e) {
            return HostRun.failed(target.id(), label, e.getMessage());
        } catch (VaultException e) {
            return HostRun.failed(target.id(), label, "The vault refused: " + e.getMessage() + ".");
        }
    }
}
