package dev.termvault.app.core.account;

import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.client.SyncHistory;
import dev.termvault.sync.client.SyncNotice;
import dev.termvault.sync.client.Synchronizer;
import dev.termvault.vault.Vault;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * One pull-then-push pass of a logged-in vault ({@code termvault sync}, the first sync after sign-up or
 * sign-in). Every pass is written to this device's {@link SyncHistory}, whichever front end runs it, so the
 * desktop's Activity lists what the CLI did too.
 */
public final class SyncPass {

    /**
     * What a pass left.
     *
     * @param records the records in the vault after it
     * @param pending local changes still waiting for the server
     * @param notices conflict copies made and records restored during it
     */
    public record Result(int records, int pending, List<SyncNotice> notices) {
        public Result {
            notices = List.copyOf(notices);
        }
    }

    private final Vault vault;
    private final Synchronizer synchronizer;
    private final List<SyncNotice> notices = new CopyOnWriteArrayList<>();

    public SyncPass(Vault vault, AccountSession session) {
        this.vault = vault;
        this.synchronizer = recording(vault, session, SyncHistory.in(vault.directory()));
        synchronizer.onNotice(notices::add);
    }

    /** A synchronizer for {@code vault} that writes every pass to {@code history}. */
    static Synchronizer recording(Vault vault, AccountSession session, SyncHistory history) {
        Synchronizer synchronizer = new Synchronizer(vault, session);
        synchronizer.recordHistory(history);
        return synchronizer;
    }

    /** Calls {@code listener} with each conflict copy or restored record as it happens. */
    public SyncPass onNotice(Consumer<SyncNotice> listener) {
        synchronizer.onNotice(listener);
        return this;
    }

    /**
     * Calls {@code listener} with the fraction pulled (0 to 1) after every page. It may throw (a
     * {@link java.util.concurrent.CancellationException} when a person cancels) to stop the pass there.
     */
    public SyncPass onProgress(DoubleConsumer listener) {
        synchronizer.onProgress((cursor, target) ->
                listener.accept(target <= 0 ? 1 : Math.min(1, (double) cursor / target)));
        return this;
    }

    /**
     * Runs the pass.
     *
     * @throws dev.termvault.sync.client.SyncException what the server or the network did (recorded in the
     *         history too); nothing local is lost, the next pass resumes
     */
    public Result run() {
        synchronizer.syncOnce();
        return new Result(vault.list().size(), synchronizer.pendingCount(), notices);
    }
}
