package dev.termvault.app.cli;

import dev.termvault.app.core.account.Account;
import dev.termvault.app.core.account.SyncPass;
import dev.termvault.app.core.account.SyncSession;
import dev.termvault.sync.client.BackgroundSync;
import dev.termvault.sync.client.SyncStatus;
import dev.termvault.vault.Vault;
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
            if (!watch) {
                SyncPass.Result result = SyncAccess.guard(() -> new SyncPass(linked.vault(), linked.session())
                        .onNotice(n -> {
                            out.println(n.message() + ".");
                            out.flush();
                        }).run());
                out.println("In sync: " + result.records() + " record(s), " + result.pending()
                        + " change(s) pending.");
                out.flush();
                return ExitCodes.OK;
            }
            try (SyncSession session = new SyncSession(linked.vault(), Runnable::run, BackgroundSync.Timing.DEFAULT,
                    SyncAccess.DEVICE_NAME)) {
                session.addListener(s -> {
                    out.println(describe(s));
                    out.flush();
                });
                session.start(linked.session());
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
        public Integer call() {
            try (Vault vault = access.openLocked()) {
                Account.Status s = new Account(vault).local();
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("linked", s.linked());
                if (s.linked()) {
                    status.put("server", s.server());
                    status.put("email", s.email());
                    status.put("accountId", s.accountId());
                }
                status.put("pending", s.pending());
                status.put("cursor", s.cursor());
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(Json.write(status));
                } else if (!s.linked()) {
                    out.println("Not linked to a sync account; " + s.pending() + " local change(s).");
                } else {
                    out.println("Linked to " + s.server() + " as " + s.email() + "; " + s.pending()
                            + " change(s) pending; cursor " + s.cursor() + ".");
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }
}
