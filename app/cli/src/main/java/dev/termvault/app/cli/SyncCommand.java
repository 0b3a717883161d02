package dev.termvault.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.termvault.sync.client.BackgroundSync;
import dev.termvault.sync.client.SyncStatus;
import dev.termvault.sync.client.Synchronizer;
import dev.termvault.vault.Vault;
import dev.termvault.vault.sync.SyncLink;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code termvault sync [--watch]} and {@code termvault sync status [--json]}. */
@Command(name = "sync", description = "Pull and push changes now; --watch keeps syncing until interrupted.",
        subcommands = {SyncCommand.Status.class})
final class SyncCommand implements Callable<Integer> {

    @Option(names = "--watch", description = "Keep running: sync on every change, print each status.")
    private boolean watch;

    @Spec
    private CommandSpec spec;

    private final VaultAccess access;

    SyncCommand(VaultAccess access) {
        this.access = access;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (SyncAccess.Linked linked = SyncAccess.login(access)) {
            Synchronizer synchronizer = new Synchronizer(linked.vault(), linked.session());
            synchronizer.onNotice(n -> {
                out.println(n.message() + ".");
                out.flush();
            });
            if (!watch) {
                SyncAccess.guard(() -> {
                    synchronizer.syncOnce();
                    return null;
                });
                out.println("In sync: " + linked.vault().list().size() + " record(s), "
                        + synchronizer.pendingCount() + " change(s) pending.");
                out.flush();
                return ExitCodes.OK;
            }
            try (BackgroundSync background = new BackgroundSync(synchronizer, BackgroundSync.Timing.DEFAULT)) {
                background.addListener(s -> {
                    out.println(describe(s));
                    out.flush();
                });
                background.start();
                new CountDownLatch(1).await();
            }
            return ExitCodes.OK;
        }
    }

    static String describe(SyncStatus s) {
        return s.state().name().toLowerCase(java.util.Locale.ROOT) + ", " + s.pending() + " pending"
                + (s.lastSync() != null ? ", last sync " + s.lastSync() : "")
                + (s.lastError() != null ? ", last error: " + s.lastError() : "");
    }

    @Command(name = "status", description = "Show the sync link and what is waiting to be pushed (no network).")
    static final class Status implements Callable<Integer> {
        @Option(names = "--json", description = "Print a JSON object.")
        private boolean json;

        @Spec
        private CommandSpec spec;

        private final VaultAccess access;

        Status(VaultAccess access) {
            this.access = access;
        }

        @Override
        public Integer call() throws Exception {
            try (Vault vault = access.openLocked()) {
                SyncLink link = vault.account().syncLink().orElse(null);
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("linked", link != null);
                if (link != null) {
                    status.put("server", link.serverUrl());
                    status.put("email", link.email());
                    status.put("accountId", link.accountId());
                }
                status.put("pending", vault.sync().pendingCount());
                status.put("cursor", vault.sync().cursor());
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(new ObjectMapper().writeValueAsString(status));
                } else if (link == null) {
                    out.println("Not linked to a sync account; " + status.get("pending") + " local change(s).");
                } else {
                    out.println("Linked to " + link.serverUrl() + " as " + link.email() + "; "
                            + status.get("pending") + " change(s) pending; cursor " + status.get("cursor") + ".");
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }
}
